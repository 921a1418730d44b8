package dev.sextant.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on how the web app is served: traversal out of {@code /assets/}, methods and conditional
 * requests it was not written for, content negotiation at {@code /}, and the headers every answer
 * must carry, so that no file but the app's own leaves the server, no answer is cached where it
 * must not be, and every refusal is a problem document.
 */
class WebServingAttackTest extends ServerHttpTest {

    private static final Pattern HASHED_MAIN = Pattern.compile("\"(/assets/app/main\\.[0-9a-f]{12}\\.js)\"");

    /** A raw request line, sent as is: java.net.http would normalise or refuse most of these paths. */
    private RawAnswer raw(String method, String target, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawAnswer(status, head, body);
        }
    }

    private record RawAnswer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private HttpTestClient.Answer get(String path, String... headers) {
        HttpRequest.Builder request = anonymous.request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return anonymous.send(request.build());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/assets/../index.html",
                "/assets/app/../../index.html",
                "/assets/%2e%2e/index.html",
                "/assets/%2E%2E/%2E%2E/pom.xml",
                "/assets/..%2findex.html",
                "/assets/..%5cindex.html",
                "/assets/app%2fmain.js",
                "/assets/%252e%252e/index.html",
                "/assets/app/main.js%00",
                "/assets/app/main.js%00.png",
                "/assets/./app/main.js",
                "/assets//app/main.js",
                "/assets/app;jsessionid=1/main.js",
                "/assets/../../../../etc/passwd",
                "/assets/../application.yaml",
                "/assets/../dev/sextant/SextantApplication.class",
                "/assets/index.html",
                "/assets/importmap.json",
                "/assets/web/index.html",
                "/assets/app",
                "/assets/app/",
                "/assets/vendor/preact/",
                "/assets/",
                "/assets",
                "/assets/APP/MAIN.JS",
                "/assets/app/main.js/",
            })
    void noPathOutOfTheAssetsOrOntoTheTemplateServesAFile(String path) throws IOException {
        RawAnswer answer = raw("GET", path);
        assertThat(answer.status()).as(path).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
        assertThat(answer.header("Cache-Control")).as(path).contains("no-store");
        assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        // Nothing of the app's page template, its import map, or a server file in the refusal.
        assertThat(answer.body())
                .as(path)
                .doesNotContain("<!doctype")
                .doesNotContain("\"imports\"")
                .doesNotContain("root:")
                .doesNotContain("spring:");
    }

    @Test
    void aBackslashInThePathIsRefusedAsAMalformedRequest() throws IOException {
        for (String path : new String[] {"/assets/app\\main.js", "/assets/app/..\\..\\index.html"}) {
            RawAnswer answer = raw("GET", path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void anOverlongAssetNameIsRefusedWithoutEchoingItWhole() {
        String name = "a".repeat(4_000) + ".js";
        HttpTestClient.Answer answer = anonymous.get("/assets/" + name);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString())
                .startsWith("No asset at /assets/aaaa")
                .hasSizeLessThan(200);
    }

    @Test
    void headOfAnAssetAndOfAPageAnswersTheirHeadersWithoutSignIn() throws IOException {
        for (String path : new String[] {"/assets/app/main.js", "/markets", "/favicon.ico", "/sign-in"}) {
            RawAnswer answer = raw("HEAD", path, "Accept: text/html");
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("ETag")).as(path).isNotNull();
            assertThat(answer.body()).as(path).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void writingToAnAssetOrAPageIsRefusedAsAProblem(String method) throws IOException {
        for (String path : new String[] {"/assets/app/main.js", "/markets", "/admin"}) {
            RawAnswer anonymousAnswer = raw(method, path, "Content-Length: 0");
            assertThat(anonymousAnswer.status()).as(method + " " + path).isIn(401, 403, 405);
            assertThat(anonymousAnswer.header("Content-Type")).startsWith("application/problem+json");
            RawAnswer signedIn = raw(method, path, "Content-Length: 0", "Authorization: " + bearer());
            assertThat(signedIn.status()).as(method + " " + path + " signed in").isEqualTo(405);
            assertThat(signedIn.header("Content-Type")).startsWith("application/problem+json");
        }
        RawAnswer trace = raw("TRACE", "/assets/app/main.js");
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("Host: 127.0.0.1");
    }

    private String bearer() {
        return http.request("/").build().headers().firstValue("Authorization").orElseThrow();
    }

    @Test
    void aRangeRequestGetsTheWholeAssetNeverABrokenPart() {
        HttpTestClient.Answer whole = get("/assets/app/main.js");
        HttpTestClient.Answer ranged = get("/assets/app/main.js", "Range", "bytes=0-9");
        assertThat(ranged.status()).isEqualTo(200);
        assertThat(ranged.body()).isEqualTo(whole.body());
        HttpTestClient.Answer silly = get("/assets/app/main.js", "Range", "bytes=99999999-");
        assertThat(silly.status()).isEqualTo(200);
        assertThat(silly.body()).isEqualTo(whole.body());
    }

    @Test
    void ifNoneMatchAnswersNotModifiedOnlyForTheTagOfTheRepresentationAsked() {
        HttpTestClient.Answer plain = get("/assets/app/main.js", "Accept-Encoding", "identity");
        String tag = plain.header("ETag");
        assertThat(tag).matches("\"[0-9a-f]{12}\"");
        assertThat(get("/assets/app/main.js", "If-None-Match", tag).status()).isEqualTo(304);
        assertThat(get("/assets/app/main.js", "If-None-Match", "W/" + tag).status())
                .isEqualTo(304);
        assertThat(get("/assets/app/main.js", "If-None-Match", "\"nope\", " + tag)
                        .status())
                .isEqualTo(304);
        // Another representation's tag, an unquoted tag, a prefix of the tag, an empty list: the body.
        String gzipTag = tag.substring(0, tag.length() - 1) + "-gzip\"";
        for (String other : new String[] {gzipTag, tag.replace("\"", ""), tag.substring(0, 6) + "\"", "\"\"", ","}) {
            HttpTestClient.Answer answer =
                    get("/assets/app/main.js", "If-None-Match", other, "Accept-Encoding", "identity");
            assertThat(answer.status()).as(other).isEqualTo(200);
            assertThat(answer.body()).as(other).isEqualTo(plain.body());
        }
        // A 304 still says how long it keeps and carries the tag.
        HttpTestClient.Answer notModified = get("/assets/app/main.js", "If-None-Match", tag);
        assertThat(notModified.header("ETag")).isEqualTo(tag);
        assertThat(notModified.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void gzipComesOnlyToAClientThatTakesIt() throws IOException {
        for (String takes : new String[] {"gzip", "GZIP", "deflate, gzip", "gzip;q=0.5", "*", "x-gzip"}) {
            RawAnswer answer = raw("GET", "/assets/app/main.js", "Accept-Encoding: " + takes);
            assertThat(answer.header("Content-Encoding")).as(takes).isEqualTo("gzip");
            assertThat(answer.header("ETag")).as(takes).endsWith("-gzip\"");
        }
        for (String refuses :
                new String[] {"identity", "gzip;q=0", "gzip; q=0.0", "br", "nogzip", "*;q=0", "", "gzip;q=x"}) {
            RawAnswer answer = raw("GET", "/assets/app/main.js", "Accept-Encoding: " + refuses);
            assertThat(answer.status()).as(refuses).isEqualTo(200);
            assertThat(answer.header("Content-Encoding")).as(refuses).isNull();
            assertThat(answer.body()).as(refuses).startsWith("//");
        }
        // Every representation tells caches that it depends on Accept-Encoding.
        assertThat(raw("GET", "/assets/app/main.js").head()).containsIgnoringCase("Vary: Accept-Encoding");
    }

    @Test
    void aHugeAcceptHeaderIsRefusedAsAProblemNotAFailure() {
        HttpTestClient.Answer answer = get("/", "Accept", "a/b, ".repeat(6_000) + "text/html");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        HttpTestClient.Answer many = get("/", "Accept", "x/y;q=0.1, ".repeat(300) + "text/html");
        assertThat(many.status()).isEqualTo(200);
        assertThat(many.contentType()).startsWith("text/html");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "*/*",
                "application/json",
                "application/json, */*",
                "text/html;q=0",
                "text/html;q=0, application/json",
                "application/json, text/html;q=0.5",
                "application/*, text/html;q=0.9",
                "text/htmlx",
                "text/plain",
                "text/html;q=nonsense"
            })
    void anApiClientAtTheRootGetsTheWelcomeNeverThePage(String accept) {
        HttpTestClient.Answer answer = accept.isEmpty() ? anonymous.get("/") : get("/", "Accept", accept);
        assertThat(answer.status()).as(accept).isEqualTo(200);
        assertThat(answer.contentType()).as(accept).startsWith("application/json");
        assertThat(answer.json().get("openapi").asString()).isEqualTo("/api/openapi.json");
        assertThat(answer.header("Cache-Control")).as(accept).contains("no-store");
        assertThat(varies(answer)).as(accept).contains("accept");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "TEXT/HTML",
                "text/html; charset=utf-8",
                "application/json;q=0.5, text/html",
                "text/html, application/json"
            })
    void aBrowserAtTheRootGetsThePageAndCachesKnowItDependsOnAccept(String accept) {
        HttpTestClient.Answer answer = get("/", "Accept", accept);
        assertThat(answer.contentType()).as(accept).startsWith("text/html");
        assertThat(varies(answer)).as(accept).contains("accept");
        assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    private static java.util.List<String> varies(HttpTestClient.Answer answer) {
        return answer.raw().headers().allValues("Vary").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(name -> name.strip().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    @Test
    void everyAssetAndPageAnswerCarriesTheSecurityHeaders() {
        String page = get("/markets", "Accept", "text/html").body();
        Matcher main = HASHED_MAIN.matcher(page);
        assertThat(main.find()).isTrue();
        for (String path : new String[] {
            "/",
            "/sign-in",
            "/markets/AAPL",
            "/admin/users",
            "/assets/app/main.js",
            main.group(1),
            "/assets/vendor/preact/preact.mjs",
            "/assets/app/styles/app.css",
            "/assets/icon.svg",
            "/favicon.ico",
            "/assets/nope.js",
            "/assets"
        }) {
            HttpTestClient.Answer answer = get(path, "Accept", "text/html");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(answer.header("Content-Security-Policy"))
                    .as(path)
                    .contains("frame-ancestors 'none'")
                    .contains("object-src 'none'")
                    .doesNotContain("unsafe-eval");
            assertThat(answer.header("Set-Cookie")).as(path).isNull();
        }
        // The page's own policy admits no inline script (its import map by hash only).
        assertThat(get("/markets", "Accept", "text/html").header("Content-Security-Policy"))
                .contains("script-src 'self' 'sha256-")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void apiAnswersStayNoStoreAndAssetsNeverVaryWithTheCaller() {
        HttpTestClient.Answer me = http.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Cache-Control")).contains("no-store");
        // Even a conditional request with a wildcard gets the data, not a 304 a cache could pair with another's.
        HttpTestClient.Answer conditional = http.send(
                http.request("/api/v1/me").header("If-None-Match", "*").GET().build());
        assertThat(conditional.status()).isEqualTo(200);
        assertThat(conditional.header("Cache-Control")).contains("no-store");

        // An asset fetched with a user's token is byte for byte the anonymous one, with the same tag,
        // and says nothing of the caller.
        String page = get("/markets", "Accept", "text/html").body();
        Matcher main = HASHED_MAIN.matcher(page);
        assertThat(main.find()).isTrue();
        HttpTestClient.Answer asUser = http.get(main.group(1));
        HttpTestClient.Answer asNobody = anonymous.get(main.group(1));
        assertThat(asUser.body()).isEqualTo(asNobody.body());
        assertThat(asUser.header("ETag")).isEqualTo(asNobody.header("ETag"));
        assertThat(asUser.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(asUser.body()).doesNotContain("suite-user");
        HttpTestClient.Answer pageAsUser = http.send(
                http.request("/markets").header("Accept", "text/html").GET().build());
        assertThat(pageAsUser.body()).isEqualTo(page).doesNotContain("suite-user");

        // A bad token on an asset is refused (no silent downgrade) and that refusal is never stored.
        HttpTestClient.Answer badToken = anonymous.send(anonymous
                .request("/assets/app/main.js")
                .header("Authorization", "Bearer not-a-token")
                .GET()
                .build());
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.contentType()).startsWith("application/problem+json");
        assertThat(badToken.header("Cache-Control")).contains("no-store");
    }
}
