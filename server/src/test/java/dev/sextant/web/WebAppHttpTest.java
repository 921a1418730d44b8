package dev.sextant.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the server serves the web app over HTTP: negotiation at the root, caching, compression, policy. */
class WebAppHttpTest extends ServerHttpTest {

    private static final Pattern MAIN_SCRIPT = Pattern.compile("src=\"(/assets/app/main\\.[0-9a-f]{12}\\.js)\"");

    private HttpTestClient.Answer browserGet(String path) {
        return anonymous.send(anonymous
                .request(path)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .GET()
                .build());
    }

    @Test
    void anApiClientAtTheRootStillGetsTheJsonWelcome() {
        HttpTestClient.Answer answer = anonymous.get("/");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("docs").asString()).isEqualTo("/api/docs");
    }

    @Test
    void aBrowserAtTheRootGetsTheAppUnderAStrictPolicyThatAdmitsOnlyItsImportMap() throws Exception {
        HttpTestClient.Answer answer = browserGet("/");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("<script type=\"importmap\">").containsPattern(MAIN_SCRIPT);
        String policy = answer.header("Content-Security-Policy");
        assertThat(policy)
                .contains("script-src 'self' 'sha256-")
                .contains("style-src 'self' 'sha256-")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'");
        // The one inline script is admitted by its exact hash.
        String importMap = answer.body()
                .substring(
                        answer.body().indexOf("<script type=\"importmap\">") + "<script type=\"importmap\">".length(),
                        answer.body().indexOf("</script>"));
        String hash = java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(importMap.getBytes(StandardCharsets.UTF_8)));
        assertThat(policy).contains("'sha256-" + hash + "'");
        // The one inline style is the chart library's fixed attribution stylesheet, by its exact hash.
        String chart = new String(
                WebAppHttpTest.class
                        .getResourceAsStream("/web/vendor/lightweight-charts/lightweight-charts.mjs")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        java.util.regex.Matcher style = java.util.regex.Pattern.compile(
                        "createElement\\(\"style\"\\),this\\.\\w+\\.innerText=\"([^\"]*)\"")
                .matcher(chart);
        assertThat(style.find())
                .as("the attribution stylesheet in the vendored chart library")
                .isTrue();
        String styleHash = java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(policy).contains("style-src 'self' 'sha256-" + styleHash + "';");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-cache");
        // The shell and the libraries every page needs load in parallel; the chart waits until used.
        assertThat(answer.body())
                .containsPattern("<link rel=\"modulepreload\" href=\"/assets/app/lib/html\\.[0-9a-f]{12}\\.js\">")
                .containsPattern(
                        "<link rel=\"modulepreload\" href=\"/assets/vendor/preact/preact\\.[0-9a-f]{12}\\.mjs\">")
                .containsPattern("<link rel=\"modulepreload\" href=\"/assets/vendor/htm/htm\\.[0-9a-f]{12}\\.mjs\">")
                .doesNotContain("modulepreload\" href=\"/assets/vendor/lightweight-charts")
                .doesNotContain("modulepreload\" href=\"/assets/app/pages/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/sign-in",
                "/markets",
                "/markets/AAPL",
                "/watchlists",
                "/alerts",
                "/query",
                "/imports",
                "/account",
                "/admin",
                "/admin/audit"
            })
    void everyRouteOfTheAppAnswersThePageWithoutSignIn(String path) {
        HttpTestClient.Answer answer = browserGet(path);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsPattern(MAIN_SCRIPT);
    }

    @Test
    void hashedAssetsAreCachedForAYearAndGzippedPlainNamesRevalidate() throws IOException, InterruptedException {
        Matcher main = MAIN_SCRIPT.matcher(browserGet("/").body());
        assertThat(main.find()).isTrue();
        HttpResponse<byte[]> hashed = java.net.http.HttpClient.newHttpClient()
                .send(
                        anonymous
                                .request(main.group(1))
                                .header("Accept-Encoding", "gzip")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(hashed.statusCode()).isEqualTo(200);
        assertThat(hashed.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(hashed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(hashed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(hashed.headers().firstValue("Pragma")).isEmpty();
        String source = new String(
                new GZIPInputStream(new ByteArrayInputStream(hashed.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(source).contains("import");

        HttpTestClient.Answer plain = anonymous.get("/assets/app/main.js");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Cache-Control")).isEqualTo("no-cache");
        HttpTestClient.Answer again = anonymous.send(anonymous
                .request("/assets/app/main.js")
                .header("If-None-Match", plain.header("ETag"))
                .GET()
                .build());
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void theGzipAndThePlainBodyOfAnAssetNeverShareAnEntityTag() throws IOException, InterruptedException {
        var client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<byte[]> gzip = client.send(
                anonymous
                        .request("/assets/app/main.js")
                        .header("Accept-Encoding", "gzip, deflate, br")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> plain = client.send(
                anonymous.request("/assets/app/main.js").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().allValues("Vary")).contains("Accept-Encoding");
        assertThat(plain.headers().allValues("Vary")).contains("Accept-Encoding");
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(plainTag);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes())
                .isEqualTo(plain.body());

        // Each tag revalidates its own representation only.
        assertThat(revalidate(client, gzipTag, true)).isEqualTo(304);
        assertThat(revalidate(client, plainTag, false)).isEqualTo(304);
        assertThat(revalidate(client, plainTag, true)).isEqualTo(200);
        assertThat(revalidate(client, gzipTag, false)).isEqualTo(200);
        assertThat(revalidate(client, "\"other\", W/" + gzipTag, true)).isEqualTo(304);
    }

    private int revalidate(java.net.http.HttpClient client, String etag, boolean gzip)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = anonymous.request("/assets/app/main.js").header("If-None-Match", etag);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void theIconIsPublicAndAnUnknownAssetIsAProblem() {
        HttpTestClient.Answer icon =
                anonymous.send(anonymous.request("/favicon.ico").GET().build());
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.contentType()).isEqualTo("image/x-icon");

        HttpTestClient.Answer missing = anonymous.get("/assets/app/nothing-here.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        HttpTestClient.Answer traversal = anonymous.get("/assets/../application.yml");
        assertThat(traversal.status()).isIn(400, 404);
    }

    @Test
    void everythingElseStillNeedsSignIn() {
        assertThat(anonymous.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous
                        .send(anonymous
                                .request("/markets")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .status())
                .isIn(401, 403, 405);
    }
}
