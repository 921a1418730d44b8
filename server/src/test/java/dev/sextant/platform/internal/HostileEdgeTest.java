package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.platform.SecurityHeaders;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Hostile bytes at every layer of the HTTP stack, sent to a real server: Tomcat's own parser (path,
 * headers), the filters ahead of Spring Security (query strings, body size), CORS, Spring MVC's
 * multipart and JSON readers. Each answer is a 4xx problem document with the security headers and
 * nothing internal in it; a flood of them leaves a short log.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileEdgeTest extends ServerHttpTest {

    /** What any answer must show of the problem, whichever layer wrote it. */
    private record Seen(int status, String contentType, Function<String, String> header, String body) {
        static Seen of(HttpTestClient.Answer answer) {
            return new Seen(answer.status(), answer.contentType(), answer::header, answer.body());
        }

        static Seen of(RawHttp.Answer answer) {
            return new Seen(answer.status(), answer.contentType(), answer::header, answer.body());
        }
    }

    static void assertCleanProblem(Seen answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertCleanProblem(answer);
    }

    static void assertCleanProblem(Seen answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header().apply("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header().apply("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header().apply("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(answer.header().apply("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header().apply("Cache-Control")).contains("no-store");
        assertThat(answer.header().apply("X-Request-Id")).isNotBlank();
        assertThat(answer.body())
                .contains("\"type\":\"urn:sextant:problem:", "\"status\":" + answer.status())
                .doesNotContain(
                        "Exception", "\tat ", "java.", "jakarta.", "org.apache", "org.springframework", "dev.sextant.");
    }

    private String userToken() {
        String name = unique("edge");
        accounts.createAccount(name, null, PASSWORD, Set.of(Role.USER), false);
        return anonymous.login(name, PASSWORD).get("accessToken").asString();
    }

    @Test
    void test_invalidUtf8InAQueryParameterOfHealth_is400Problem() {
        assertCleanProblem(Seen.of(anonymous.get("/health?x=%ff")), 400);
    }

    @Test
    void test_loneSurrogateEncodedInAQueryParameter_is400Problem_anonymousAndSignedIn() {
        for (String target : new String[] {"/api/v1/bars?from=%ED%A0%80x", "/api/v1/bars/AAPL?from=%ED%A0%80x"}) {
            assertCleanProblem(Seen.of(anonymous.get(target)), 400);
            assertCleanProblem(Seen.of(http.get(target)), 400);
        }
    }

    @Test
    void test_loneSurrogateInAJsonPassword_is400Problem() {
        HttpTestClient.Answer answer =
                anonymous.postJson("/api/v1/auth/login", "{\"username\":\"a\",\"password\":\"\\ud800\"}");

        assertCleanProblem(Seen.of(answer), 400);
    }

    @Test
    void test_multipartImportWithoutBoundary_is400Problem() {
        HttpTestClient analyst = signedInAs(unique("edge-analyst"), Role.ANALYST);

        HttpTestClient.Answer answer = analyst.send(analyst.request("/api/v1/imports?symbol=EDGE")
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nnot a part\r\n--x--\r\n"))
                .build());

        assertCleanProblem(Seen.of(answer), 400);
    }

    @Test
    void test_encodedSlashInThePath_is400Problem() {
        assertCleanProblem(Seen.of(RawHttp.get(port, "/api/v1/quotes/A%2FB")), 400);
    }

    @Test
    void test_encodedBackslashInThePath_is400Problem() {
        assertCleanProblem(Seen.of(RawHttp.get(port, "/api/v1/quotes/A%5CB")), 400);
    }

    @Test
    void test_rawBackslashInThePath_is400Problem() {
        assertCleanProblem(Seen.of(RawHttp.get(port, "/api/v1/quotes/A\\B")), 400);
    }

    @Test
    void test_requestTargetsTomcatCannotParse_are400Problem() {
        // Refused while the request line is read, before Tomcat knows any path.
        for (String target : new String[] {"/api/v1/quotes/{x}", "/api/v1/quotes/a|b", "/api/v1/quotes/\u00e9"}) {
            assertCleanProblem(Seen.of(RawHttp.get(port, target)), 400);
        }
    }

    @Test
    void test_encodedNulInThePath_is400Problem() {
        assertCleanProblem(Seen.of(RawHttp.get(port, "/api/v1/quotes/A%00B")), 400);
    }

    @Test
    void test_signedInRequestsWithAHostilePath_are400Problem() {
        String bearer = "Authorization: Bearer " + userToken();
        for (String path : new String[] {"/api/v1/quotes/A%2FB", "/api/v1/quotes/A%5CB", "/api/v1/quotes/A%00B"}) {
            assertCleanProblem(Seen.of(RawHttp.get(port, path, bearer)), 400);
        }
    }

    @Test
    void test_overLongHeader_is4xxProblem() {
        RawHttp.Answer answer = RawHttp.get(port, "/health", "X-Padding: " + "a".repeat(64 * 1024));

        assertCleanProblem(Seen.of(answer));
    }

    @Test
    void test_nulInContentType_is400Problem() {
        byte[] body = "{\"username\":\"a\",\"password\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send(
                port,
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\0evil"
                        + "\r\nContent-Length: " + body.length,
                body);

        assertCleanProblem(Seen.of(answer), 400);
    }

    @Test
    void test_refusedCorsPreflight_is403Problem() {
        RawHttp.Answer answer = RawHttp.send(
                port,
                "OPTIONS /api/v1/quotes/AAPL HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example"
                        + "\r\nAccess-Control-Request-Method: GET",
                new byte[0]);

        assertCleanProblem(Seen.of(answer), 403);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void test_bodyDeclaredOverTheLimit_is413ProblemWithTheSecurityHeaders() {
        // Valid JSON throughout, so the chunked body is read up to the limit, not refused as malformed.
        byte[] body = ProblemResponsesHttpTest.jsonOfSize(1024 * 1024 + 1).getBytes(StandardCharsets.UTF_8);

        HttpTestClient.Answer declared = http.send(http.request("/api/v1/quotes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        HttpTestClient.Answer chunked = http.send(http.request("/api/v1/quotes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build());

        assertCleanProblem(Seen.of(declared), 413);
        assertCleanProblem(Seen.of(chunked), 413);
    }

    @Test
    void test_aThousandInvalidUtf8Requests_leaveAShortLogWithoutStackTraces(CapturedOutput output) {
        int before = output.getAll().length();

        for (int i = 0; i < 1_000; i++) {
            HttpTestClient.Answer answer = anonymous.get("/health?x=%ff&n=" + i);
            assertThat(answer.status()).isEqualTo(400);
        }

        String logged = output.getAll().substring(before);
        assertThat(logged.getBytes(StandardCharsets.UTF_8).length).isLessThan(20 * 1024);
        assertThat(logged).contains("Refused GET /health").doesNotContain("\tat ", "Exception");
    }
}
