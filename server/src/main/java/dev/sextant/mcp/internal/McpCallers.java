package dev.sextant.mcp.internal;

import dev.sextant.platform.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Optional;

/**
 * The caller of an MCP message, carried in the SDK's transport context: put there from the
 * authenticated HTTP request that brought the message, read by every handler. Never a thread-local,
 * since the SDK may run a handler on another thread than the request's.
 */
final class McpCallers {

    private static final String CALLER = "sextant.caller";

    private McpCallers() {}

    static McpTransportContext context(Optional<Caller> caller) {
        return caller.map(c -> McpTransportContext.create(Map.of(CALLER, c))).orElse(McpTransportContext.EMPTY);
    }

    static Optional<Caller> of(McpTransportContext context) {
        return context.get(CALLER) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    /** The caller, or a JSON-RPC error: only an account acts (the HTTP edge lets no one else through). */
    static Caller require(McpTransportContext context) {
        return of(context)
                .orElseThrow(() -> McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
                        .message("This request has no account behind it; send an API key or an access token.")
                        .build());
    }
}
