package dev.sextant.mcp.internal;

import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transport's response with its error bodies replaced: once the SDK sets a status of 400 or
 * more, whatever it writes is dropped and {@link #finish()} writes a JSON-RPC error with a fixed
 * message for the status (the SDK's messages carry Jackson's and Java's exception text, which tells
 * a client nothing it can act on and an attacker more than it should).
 */
final class CleanErrorResponse extends HttpServletResponseWrapper {

    private final JsonMapper json;
    private int status = 200;
    private boolean error;
    private boolean written;

    CleanErrorResponse(HttpServletResponse response, JsonMapper json) {
        super(response);
        this.json = json;
    }

    int status() {
        return status;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        error = sc >= 400;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
        setStatus(sc);
        finish();
    }

    @Override
    public void sendError(int sc, String ignored) throws IOException {
        sendError(sc);
    }

    @Override
    public void setContentType(String type) {
        if (!error) {
            super.setContentType(type);
        }
    }

    @Override
    public void setContentLength(int length) {
        if (!error) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!error) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return error ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!error) {
            return super.getOutputStream();
        }
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {}
        };
    }

    /** Writes the clean error body if the transport answered an error. */
    void finish() throws IOException {
        if (error && !written && !isCommitted()) {
            written = true;
            write(
                    status,
                    body(
                            null,
                            status >= 500 ? McpSchema.ErrorCodes.INTERNAL_ERROR : McpSchema.ErrorCodes.INVALID_REQUEST,
                            messageFor(status)));
        }
    }

    /** Answers an error of our own before the transport sees the request. */
    void refuse(int sc, int code, @Nullable JsonNode id, String message) throws IOException {
        setStatus(sc);
        written = true;
        write(sc, body(id, code, message));
    }

    /** A JSON-RPC error answer to a request (HTTP 200, as JSON-RPC errors travel). */
    void jsonRpcError(@Nullable JsonNode id, int code, String message) throws IOException {
        written = true;
        write(200, body(id, code, message));
    }

    private void write(int sc, Map<String, Object> body) throws IOException {
        HttpServletResponse raw = (HttpServletResponse) getResponse();
        raw.setStatus(sc);
        raw.setContentType("application/json");
        raw.setCharacterEncoding("UTF-8");
        byte[] bytes = json.writeValueAsBytes(body);
        raw.setContentLength(bytes.length);
        raw.getOutputStream().write(bytes);
        raw.flushBuffer();
    }

    private static Map<String, Object> body(@Nullable JsonNode id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id == null || id.isNull() || id.isMissingNode() ? null : id);
        body.put("error", error);
        return body;
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 ->
                "Not a valid MCP request: send one JSON-RPC 2.0 message with Content-Type application/json, "
                        + "Accept 'application/json, text/event-stream', and the Mcp-Session-Id header after initialize.";
            case 403 -> "This Origin may not use the MCP endpoint.";
            case 404 -> "Unknown or expired MCP session; initialize a new session.";
            case 405 -> "This HTTP method is not allowed on the MCP endpoint.";
            case 406 -> "Send Accept: application/json, text/event-stream.";
            case 413 -> "The message is too large.";
            case 415 -> "Send Content-Type: application/json.";
            default ->
                status >= 500
                        ? "The MCP server failed on this request; the server logged the details."
                        : "The MCP request was refused (HTTP " + status + ").";
        };
    }
}
