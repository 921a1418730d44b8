package dev.sextant.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a remote MCP client and its user's browser do, over real HTTP: discovery from the 401's
 * {@code WWW-Authenticate} header, registration, the authorization request with PKCE and a resource,
 * the sign-in, second-factor and consent pages (with the cookies and CSRF tokens a browser keeps),
 * and the token requests. Redirects are followed by hand so each step can be looked at.
 */
final class OAuthBrowser {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String REDIRECT_URI = "http://127.0.0.1:53682/callback";
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern FORM =
            Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);

    final String base;
    private final HttpClient client;

    OAuthBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    record Page(int status, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The hidden fields of the form whose button says {@code decision} (or the first form). */
        Map<String, List<String>> form(String decision) {
            Matcher forms = FORM.matcher(body);
            while (forms.find()) {
                String inner = forms.group(2);
                if (decision == null || inner.contains("value=\"" + decision + "\"")) {
                    Map<String, List<String>> fields = new LinkedHashMap<>();
                    Matcher hidden = HIDDEN.matcher(inner);
                    while (hidden.find()) {
                        fields.computeIfAbsent(hidden.group(1), any -> new ArrayList<>())
                                .add(hidden.group(2).replace("&amp;", "&").replace("&quot;", "\""));
                    }
                    return fields;
                }
            }
            throw new AssertionError("no form " + decision + " in " + body);
        }
    }

    Page get(String url) {
        return send(HttpRequest.newBuilder(absolute(url)).GET());
    }

    Page get(String url, String bearer) {
        return send(HttpRequest.newBuilder(absolute(url))
                .header("Authorization", "Bearer " + bearer)
                .GET());
    }

    /** An MCP initialize request, with {@code bearer} as the token (none when null). */
    Page postMcp(String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(absolute("/mcp"));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"oauth-test\",\"version\":\"1\"}}}")));
    }

    Page postJson(String url, String json) {
        return send(HttpRequest.newBuilder(absolute(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Page postForm(String url, Map<String, List<String>> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(encode(name)).append('=').append(encode(value));
        }));
        return send(HttpRequest.newBuilder(absolute(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private URI absolute(String url) {
        return URI.create(url.startsWith("http") ? url : base + url);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The query parameters of a URL (a redirect's Location). */
    static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(
                        URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** A PKCE pair (RFC 7636): a random verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {
        static Pkce fresh() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(
                        verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What discovery found, starting from nothing but the MCP endpoint's URL. */
    record Discovery(
            String resource,
            String authorizationEndpoint,
            String tokenEndpoint,
            String registrationEndpoint,
            JsonNode resourceMetadata,
            JsonNode serverMetadata) {}

    Discovery discover() {
        Page challenge = postMcp(null);
        assertThat(challenge.status()).isEqualTo(401);
        String header = challenge.header("WWW-Authenticate");
        Matcher metadataUrl = Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(header);
        assertThat(metadataUrl.find()).as(header).isTrue();
        Page resource = get(metadataUrl.group(1));
        assertThat(resource.status()).isEqualTo(200);
        String issuer = resource.json().get("authorization_servers").get(0).asString();
        Page server = get(issuer + "/.well-known/oauth-authorization-server");
        assertThat(server.status()).as(server.body()).isEqualTo(200);
        JsonNode metadata = server.json();
        return new Discovery(
                resource.json().get("resource").asString(),
                metadata.get("authorization_endpoint").asString(),
                metadata.get("token_endpoint").asString(),
                metadata.get("registration_endpoint").asString(),
                resource.json(),
                metadata);
    }

    /**
     * Registers a public client as the TypeScript SDK's client does (with the metadata's
     * scopes_supported as its scope); answers its client_id.
     */
    String register(Discovery discovery, String name) {
        Page registered = postJson(
                discovery.registrationEndpoint(),
                "{\"client_name\":\"" + name + "\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"],"
                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"],"
                        + "\"token_endpoint_auth_method\":\"none\",\"scope\":\""
                        + String.join(" ", Scope.wireNames()) + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("client_id").asString();
    }

    /** The authorization request's URL. */
    static String authorizeUrl(
            Discovery discovery,
            String clientId,
            String redirectUri,
            String scope,
            Pkce pkce,
            String method,
            String resource,
            String state) {
        StringBuilder url = new StringBuilder(discovery.authorizationEndpoint())
                .append("?response_type=code&client_id=")
                .append(encode(clientId))
                .append("&redirect_uri=")
                .append(encode(redirectUri))
                .append("&state=")
                .append(encode(state))
                .append("&code_challenge=")
                .append(encode(pkce.challenge()))
                .append("&code_challenge_method=")
                .append(method);
        if (scope != null) {
            url.append("&scope=").append(encode(scope));
        }
        if (resource != null) {
            url.append("&resource=").append(encode(resource));
        }
        return url.toString();
    }

    /** Signs in on the login page the authorization request redirected to; answers where it sends next. */
    Page signIn(Page redirectToLogin, String username, String password) {
        assertThat(redirectToLogin.status()).as(redirectToLogin.body()).isEqualTo(302);
        assertThat(redirectToLogin.header("Location")).contains("/oauth2/login");
        Page login = get(redirectToLogin.header("Location"));
        assertThat(login.status()).isEqualTo(200);
        Map<String, List<String>> fields = login.form(null);
        assertThat(fields).containsKey("_csrf");
        fields.put("username", List.of(username));
        fields.put("password", List.of(password));
        return postForm("/oauth2/login", fields);
    }

    Page secondFactor(Page redirectToCode, String code) {
        assertThat(redirectToCode.status()).isEqualTo(302);
        assertThat(redirectToCode.header("Location")).endsWith("/oauth2/login/code");
        Page page = get(redirectToCode.header("Location"));
        Map<String, List<String>> fields = page.form(null);
        fields.put("code", List.of(code));
        return postForm("/oauth2/login/code", fields);
    }

    /** Follows the redirect back to the authorization endpoint and on to the consent page. */
    Page toConsent(Page afterSignIn) {
        assertThat(afterSignIn.status()).as(afterSignIn.body()).isEqualTo(302);
        Page authorize = get(afterSignIn.header("Location"));
        assertThat(authorize.status()).as(authorize.body()).isEqualTo(302);
        assertThat(authorize.header("Location")).contains("/oauth2/consent");
        Page consent = get(authorize.header("Location"));
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        return consent;
    }

    /** Presses Allow (or Deny); answers the redirect to the client. */
    Page decide(Page consent, String decision) {
        Page answer = postForm("/oauth2/authorize", consent.form(decision));
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        assertThat(answer.header("Location")).startsWith(REDIRECT_URI);
        return answer;
    }

    Page token(Discovery discovery, Map<String, String> parameters) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        parameters.forEach((name, value) -> fields.put(name, List.of(value)));
        return postForm(discovery.tokenEndpoint(), fields);
    }

    static Map<String, String> codeExchange(String clientId, String code, String verifier, String resource) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "authorization_code");
        parameters.put("client_id", clientId);
        parameters.put("code", code);
        parameters.put("redirect_uri", REDIRECT_URI);
        parameters.put("code_verifier", verifier);
        if (resource != null) {
            parameters.put("resource", resource);
        }
        return parameters;
    }

    static Map<String, String> refresh(String clientId, String refreshToken, String resource) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "refresh_token");
        parameters.put("client_id", clientId);
        parameters.put("refresh_token", refreshToken);
        parameters.put("resource", resource);
        return parameters;
    }

    /** A JWT's payload, decoded (no verification: the server does that). */
    static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
