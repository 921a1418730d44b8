package dev.sextant.watchlists.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.marketdata.internal.demo.DemoCatalog;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Watchlists: ordered, canonical, known symbols only, and their owner's only (see also AuthorizationMatrixTest). */
class WatchlistHttpTest extends ServerHttpTest {

    @Test
    void test_watchlist_lifeCycle() {
        HttpTestClient user = signedInAs(unique("watcher"), Role.USER);

        Answer created = user.postJson(
                "/api/v1/me/watchlists", "{\"name\":\"Tech\",\"symbols\":[\"nvda\",\"AAPL\",\"nvda\",\" msft \"]}");
        String id = created.json().get("id").asString();
        Answer replaced = user.send(user.request("/api/v1/me/watchlists/" + id)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Chips\",\"symbols\":[\"AMD\",\"NVDA\"]}"))
                .build());
        JsonNode listed = user.get("/api/v1/me/watchlists").json().get("watchlists");
        Answer deleted =
                user.send(user.request("/api/v1/me/watchlists/" + id).DELETE().build());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("symbols").toString()).isEqualTo("[\"NVDA\",\"AAPL\",\"MSFT\"]");
        assertThat(replaced.json().get("name").asString()).isEqualTo("Chips");
        assertThat(replaced.json().get("symbols").toString()).isEqualTo("[\"AMD\",\"NVDA\"]");
        assertThat(listed).hasSize(1);
        assertThat(deleted.status()).isEqualTo(204);
        Answer gone = user.get("/api/v1/me/watchlists/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(problemType(gone)).isEqualTo("not-found");
        assertThat(gone.json().get("detail").asString()).isEqualTo("You have no watchlist with that id.");
    }

    @Test
    void test_universes_areBuiltInOnesAndYourWatchlistsOnly() {
        HttpTestClient alice = signedInAs(unique("alice"), Role.USER);
        HttpTestClient bob = signedInAs(unique("bob"), Role.USER);
        alice.postJson("/api/v1/me/watchlists", "{\"name\":\"Semis\",\"symbols\":[\"NVDA\",\"AMD\",\"INTC\"]}");

        JsonNode alicesList = alice.get("/api/v1/universes").json().get("universes");
        JsonNode bobsList = bob.get("/api/v1/universes").json().get("universes");
        JsonNode crypto = alice.get("/api/v1/universes/crypto").json();
        JsonNode semis = alice.get("/api/v1/universes/watchlist:Semis").json();

        assertThat(alicesList)
                .extracting(u -> u.get("name").asString())
                .containsExactly(
                        "demo",
                        "us-equities",
                        "etfs",
                        "crypto",
                        "macro",
                        "NASDAQ",
                        "NYSE",
                        "NYSEARCA",
                        "AMEX",
                        "US_TECH",
                        "US_COMMUNICATION",
                        "US_CONSUMER_DISCRETIONARY",
                        "US_CONSUMER_STAPLES",
                        "US_FINANCIALS",
                        "US_HEALTHCARE",
                        "US_ENERGY",
                        "US_INDUSTRIALS",
                        "US_MATERIALS",
                        "US_UTILITIES",
                        "US_REAL_ESTATE",
                        "SP500",
                        "NASDAQ100",
                        "DOW30",
                        "watchlist:Semis");
        assertThat(bobsList).extracting(u -> u.get("name").asString()).doesNotContain("watchlist:Semis");
        assertThat(alicesList.get(0).get("size").asInt())
                .as("every demo instrument but the macro series, which have their own universe")
                .isEqualTo((int) DemoCatalog.instruments().stream()
                        .filter(i -> i.assetClass() != dev.sextant.marketdata.AssetClass.MACRO)
                        .count());
        assertThat(alice.get("/api/v1/universes/macro").json().get("symbols").toString())
                .isEqualTo("[\"CPI\",\"US10Y\",\"VIX\"]");
        assertThat(crypto.get("symbols").toString()).contains("BTC-USD").doesNotContain("AAPL");
        assertThat(semis.get("symbols").toString()).isEqualTo("[\"NVDA\",\"AMD\",\"INTC\"]");
        assertThat(bob.get("/api/v1/universes/watchlist:Semis").status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/universes/nothing").status()).isEqualTo(404);
    }

    @Test
    void test_badWatchlists_getProblemsAndStoreNothing() {
        HttpTestClient user = signedInAs(unique("careless"), Role.USER);
        user.postJson("/api/v1/me/watchlists", "{\"name\":\"Mine\",\"symbols\":[]}");

        Answer unknown = user.postJson("/api/v1/me/watchlists", "{\"name\":\"X\",\"symbols\":[\"AAPL\",\"NOPE\"]}");
        Answer duplicate = user.postJson("/api/v1/me/watchlists", "{\"name\":\"Mine\",\"symbols\":[\"AAPL\"]}");
        Answer noName = user.postJson("/api/v1/me/watchlists", "{\"symbols\":[\"AAPL\"]}");
        Answer injected = user.postJson(
                "/api/v1/me/watchlists", "{\"name\":\"x'); DROP TABLE watchlist;--\",\"symbols\":[\"AAPL'; --\"]}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(problemType(unknown)).isEqualTo("unknown-symbol");
        assertThat(unknown.json().get("detail").asString())
                .isEqualTo("Unknown symbols: NOPE. GET /api/v1/search finds the known ones.");
        assertThat(unknown.json().get("symbols").toString()).isEqualTo("[\"NOPE\"]");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(problemType(duplicate)).isEqualTo("watchlist-exists");
        assertThat(duplicate.json().get("detail").asString()).isEqualTo("You already have a watchlist with that name.");
        assertThat(duplicate.json().get("field").asString()).isEqualTo("name");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(problemType(noName)).isEqualTo("validation-failed");
        assertThat(noName.json().get("errors"))
                .extracting(error -> error.get("field").asString())
                .containsExactly("name");
        assertThat(injected.status()).isEqualTo(404);
        assertThat(problemType(injected)).as("the quote is data, not SQL").isEqualTo("unknown-symbol");
        assertThat(user.get("/api/v1/me/watchlists").json().get("watchlists")).hasSize(1);
    }

    private static String problemType(Answer answer) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return answer.json().get("type").asString().replace("urn:sextant:problem:", "");
    }
}
