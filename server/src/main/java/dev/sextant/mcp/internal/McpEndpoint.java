package dev.sextant.mcp.internal;

import dev.sextant.identity.RequestCallers;
import dev.sextant.platform.Caller;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /mcp}: the SDK's Streamable HTTP transport behind a thin edge of ours. The edge reads the
 * body once (bounded), answers what is not JSON itself, starts and stops quote subscriptions (the
 * SDK keeps its own subscription list but tells no one), and replaces every error body the SDK
 * writes with a short JSON-RPC error of ours ({@link CleanErrorResponse}): the SDK's own carry
 * exception text and stack traces.
 */
final class McpEndpoint extends HttpServlet {

    static final int MAX_BODY = 1 << 20;
    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final HttpServletStreamableServerTransportProvider transport;
    private final QuoteSubscriptions subscriptions;
    private final RequestCallers callers;
    private final JsonMapper json;

    McpEndpoint(
            HttpServletStreamableServerTransportProvider transport,
            QuoteSubscriptions subscriptions,
            RequestCallers callers,
            JsonMapper json) {
        this.transport = transport;
        this.subscriptions = subscriptions;
        this.callers = callers;
        this.json = json;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        transport.init(config);
    }

    @Override
    protected void service(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws ServletException, IOException {
        CleanErrorResponse answer = new CleanErrorResponse(response, json);
        String session = request.getHeader(SESSION_HEADER);
        if (session != null) {
            subscriptions.seen(session);
        }
        HttpServletRequest forwarded = request;
        JsonNode message = null;
        if ("POST".equals(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                answer.refuse(413, McpSchema.ErrorCodes.INVALID_REQUEST, null, "The message is larger than 1 MiB.");
                return;
            }
            try {
                message = json.readTree(body);
            } catch (JacksonException notJson) {
                answer.refuse(400, McpSchema.ErrorCodes.PARSE_ERROR, null, "The body is not valid JSON.");
                return;
            }
            if (session != null && message.isObject() && quoteSubscribe(request, session, message, answer)) {
                return;
            }
            forwarded = new BufferedBody(request, body);
        }
        transport.service(forwarded, answer);
        if (!forwarded.isAsyncStarted()) {
            answer.finish();
        }
        if (session != null
                && (answer.status() == 404 || ("DELETE".equals(request.getMethod()) && answer.status() < 400))) {
            subscriptions.sessionEnded(session);
        }
        if (session != null
                && message != null
                && message.isObject()
                && McpSchema.METHOD_RESOURCES_UNSUBSCRIBE.equals(
                        message.path("method").asString(""))) {
            subscriptions.unsubscribe(
                    session, message.path("params").path("uri").asString(""));
        }
    }

    /**
     * Starts a {@code resources/subscribe}'s quote feed before the SDK records it; a refusal is
     * answered here, as a JSON-RPC error for the request's id, and never reaches the SDK.
     *
     * @return whether the request was answered
     */
    private boolean quoteSubscribe(
            HttpServletRequest request, String session, JsonNode message, CleanErrorResponse answer)
            throws IOException {
        if (!McpSchema.METHOD_RESOURCES_SUBSCRIBE.equals(message.path("method").asString(""))) {
            return false;
        }
        String uri = message.path("params").path("uri").asString("");
        Optional<Caller> caller = callers.of(request);
        if (caller.isEmpty()) {
            return false; // the transport refuses it like any request without an account
        }
        Optional<String> refused = subscriptions.subscribe(session, caller.get(), uri);
        if (refused.isEmpty()) {
            return false;
        }
        answer.jsonRpcError(message.get("id"), McpSchema.ErrorCodes.INVALID_PARAMS, refused.get());
        return true;
    }

    @Override
    public void destroy() {
        subscriptions.closeAll();
        transport.destroy();
        super.destroy();
    }

    /** The request with its body already read, readable again by the transport. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
