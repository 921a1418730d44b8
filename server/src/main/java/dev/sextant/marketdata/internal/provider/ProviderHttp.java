package dev.sextant.marketdata.internal.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GETs for providers: a timeout on every call, a cap on the answer's size, and HTTP failures turned
 * into {@link ProviderFailure}s of the right kind. Failure messages name the host and path only:
 * query strings may hold keys.
 */
public final class ProviderHttp {

    /** No provider answer Sextant reads is larger; a bigger one is refused, not buffered. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final HttpClient client;
    private final JsonMapper json;
    private final Duration timeout;
    private final String userAgent;

    public ProviderHttp(HttpClient client, JsonMapper json, Duration timeout, String userAgent) {
        this.client = client;
        this.json = json;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** An answer before its status is judged: for providers whose error bodies say more than the status. */
    public record Answer(int status, String body) {}

    public String getText(String provider, URI uri, Map<String, String> headers) {
        Answer answer = fetch(provider, uri, headers, MAX_BODY_BYTES);
        failOnStatus(provider, uri, answer.status());
        return answer.body();
    }

    /**
     * GETs {@code uri} and returns the status and body whatever the status; a body larger than
     * {@code maxBytes} is refused (BAD_DATA) without being buffered.
     */
    public Answer fetch(String provider, URI uri, Map<String, String> headers, int maxBytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json, text/csv;q=0.9, */*;q=0.1");
        headers.forEach(request::setHeader);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.UNAVAILABLE, "timed out after " + timeout);
        } catch (IOException e) {
            throw new ProviderFailure(
                    provider,
                    ProviderFailure.Kind.UNAVAILABLE,
                    "cannot reach " + where(uri) + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(provider, ProviderFailure.Kind.UNAVAILABLE, "interrupted");
        }
        return new Answer(response.statusCode(), read(provider, response, Math.min(maxBytes, MAX_BODY_BYTES)));
    }

    /** Turns a status that is not success into the failure of its kind. */
    public void failOnStatus(String provider, URI uri, int status) {
        if (status == 429 || status == 418) {
            // 418: Binance's "banned for a while" after ignoring its 429s.
            throw new ProviderFailure(provider, ProviderFailure.Kind.RATE_LIMITED, status + " from " + where(uri));
        }
        if (status == 400) {
            // The provider refused what was asked (often an unknown symbol); it is not unwell.
            throw new ProviderFailure(provider, ProviderFailure.Kind.NOT_FOUND, "400 from " + where(uri));
        }
        if (status == 401 || status == 403) {
            throw new ProviderFailure(
                    provider, ProviderFailure.Kind.NO_KEY, status + " from " + where(uri) + ": key refused");
        }
        if (status == 404) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.NOT_FOUND, "404 from " + where(uri));
        }
        if (status >= 300) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.UNAVAILABLE, status + " from " + where(uri));
        }
    }

    public JsonNode getJson(String provider, URI uri) {
        return getJson(provider, uri, Map.of());
    }

    public JsonNode getJson(String provider, URI uri, Map<String, String> headers) {
        return parseJson(provider, uri, getText(provider, uri, headers));
    }

    /** The body as JSON, or BAD_DATA when it is not JSON. */
    public JsonNode parseJson(String provider, URI uri, String text) {
        String body = text.strip();
        if (!body.startsWith("{") && !body.startsWith("[")) {
            throw new ProviderFailure(
                    provider, ProviderFailure.Kind.BAD_DATA, "answered something that is not JSON from " + where(uri));
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new ProviderFailure(
                    provider, ProviderFailure.Kind.BAD_DATA, "answered malformed JSON from " + where(uri));
        }
    }

    private static String read(String provider, HttpResponse<InputStream> response, int maxBytes) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ProviderFailure(
                        provider, ProviderFailure.Kind.BAD_DATA, "answer larger than " + maxBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProviderFailure(
                    provider,
                    ProviderFailure.Kind.UNAVAILABLE,
                    "answer cut off: " + e.getClass().getSimpleName());
        }
    }

    private static String where(URI uri) {
        return uri.getHost() + uri.getPath();
    }
}
