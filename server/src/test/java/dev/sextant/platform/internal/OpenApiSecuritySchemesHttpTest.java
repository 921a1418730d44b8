package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The document's security schemes say how credentials are really sent, so "Try it out" works with them. */
class OpenApiSecuritySchemesHttpTest extends ServerHttpTest {

    @Test
    void test_apiKeyScheme_isTheHeaderTheServerReads() {
        JsonNode schemes =
                anonymous.get("/api/openapi.json").json().get("components").get("securitySchemes");
        JsonNode apiKey = schemes.get("apiKey");

        assertThat(apiKey.get("type").asString()).isEqualTo("apiKey");
        assertThat(apiKey.get("in").asString()).isEqualTo("header");
        assertThat(apiKey.get("name").asString()).isEqualTo("X-API-Key");
        assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");

        HttpTestClient owner = signedInAs(unique("scheme"), Role.USER);
        String key = owner.postJson("/api/v1/me/api-keys", "{\"name\":\"doc\",\"scopes\":[\"marketdata:read\"]}")
                .json()
                .get("key")
                .asString();
        HttpTestClient.Answer quote =
                anonymous.withHeader(apiKey.get("name").asString(), key).get("/api/v1/quotes/AAPL");
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.json().get("symbol").asString()).isEqualTo("AAPL");
    }
}
