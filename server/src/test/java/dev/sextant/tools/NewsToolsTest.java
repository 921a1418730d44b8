package dev.sextant.tools;

import static dev.sextant.tools.ToolAnswers.args;
import static dev.sextant.tools.ToolAnswers.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.identity.AccountAdministration;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.internal.catalog.InstrumentRepository;
import dev.sextant.marketdata.internal.newsdesk.NewsHttpTest;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * get_news and news_sentiment through the catalog: the articles HTTP answers, sentiment figures
 * recomputed here from those articles, and injected headlines kept inside the untrusted field and
 * the text's fence. The same server as {@link NewsHttpTest} (a stubbed news provider with a hostile
 * headline, and the demo market).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/news-${random.uuid}",
            "sextant.providers.warm-watchlists=false",
            "sextant.identity.lockout.free-failures-per-address=100000",
            "sextant.ratelimit.auth-per-minute=1000000",
            "sextant.ratelimit.market-data-per-minute=1000000",
            "sextant.ratelimit.default-per-minute=1000000"
        })
@Import({FixedClockConfiguration.class, NewsHttpTest.NewsProviders.class})
class NewsToolsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    InstrumentRepository instruments;

    @Autowired
    ToolCatalog catalog;

    private static Caller caller;
    private static HttpTestClient http;
    private ToolAnswers answers;

    @BeforeEach
    void signIn() {
        answers = new ToolAnswers(catalog);
        if (caller == null) {
            UserId id = accounts.createAccount("news-tools", null, "Correct-Horse-7-Battery", Set.of(Role.USER), false);
            HttpTestClient anonymous = new HttpTestClient(port);
            http = anonymous.withBearer(anonymous
                    .login("news-tools", "Correct-Horse-7-Battery")
                    .get("accessToken")
                    .asString());
            caller = Caller.session(id, Role.USER);
            instruments.put(
                    new Instrument("ACME", "Acme Corp.", "NYSE", AssetClass.EQUITY, "USD", "market", false),
                    FixedClockConfiguration.NOW);
        }
    }

    private JsonNode call(String tool, Map<String, Object> arguments) {
        return answers.success(tool, catalog.call(caller, tool, arguments));
    }

    @Test
    void test_getNews_answersHttpsArticles_pagedToTheSameList() {
        JsonNode viaHttp = http.get("/api/v1/news/MSFT?from=2025-03-01&to=2025-05-31&limit=200")
                .json();
        List<String> expected = new ArrayList<>();
        viaHttp.get("items").forEach(item -> expected.add(item.get("id").asString()));

        List<String> paged = new ArrayList<>();
        Map<String, Object> arguments =
                new HashMap<>(args("symbol", "msft", "from", "2025-03-01", "to", "2025-05-31", "limit", 7));
        JsonNode page;
        do {
            page = call("get_news", arguments);
            page.get("articles").forEach(article -> {
                paged.add(article.get("id").asString());
                assertThat(article.get("demo").asBoolean()).isTrue();
                assertThat(article.get("untrusted").get("headline").asString()).startsWith("DEMO: ");
            });
            arguments.put(
                    "cursor",
                    page.get("nextCursor").isNull()
                            ? null
                            : page.get("nextCursor").asString());
        } while (!page.get("nextCursor").isNull());
        assertThat(paged).hasSizeGreaterThan(20).isEqualTo(expected);
        assertThat(page.get("provenance").get("demo").asBoolean()).isTrue();
        assertThat(page.get("provenance").get("providers").get(0).asString()).isEqualTo("demo");
    }

    @Test
    void test_newsSentiment_isWhatTheArticlesAddUpTo_recomputedHere() {
        JsonNode viaHttp = http.get("/api/v1/news/NVDA?from=2024-01-01&to=2024-12-31&asOf=2024-12-31&limit=200")
                .json();
        int count = 0;
        int positive = 0;
        int negative = 0;
        double sum = 0;
        Map<String, List<Double>> byScorer = new HashMap<>();
        for (JsonNode item : viaHttp.get("items")) {
            double s = item.get("sentiment").asDouble();
            count++;
            sum += s;
            positive += s >= 0.25 ? 1 : 0;
            negative += s <= -0.25 ? 1 : 0;
            byScorer.computeIfAbsent(item.get("scorer").asString(), k -> new ArrayList<>())
                    .add(s);
        }
        assertThat(viaHttp.get("nextCursor").isNull())
                .as("a year of demo news fits one page of 200")
                .isTrue();

        JsonNode sentiment = call(
                "news_sentiment",
                args("symbol", "NVDA", "from", "2024-01-01", "to", "2024-12-31", "asOf", "2024-12-31"));

        assertThat(sentiment.get("articles").asInt()).isEqualTo(count).isGreaterThan(100);
        assertThat(sentiment.get("scored").asInt()).isEqualTo(count);
        assertThat(sentiment.get("mean").asDouble()).isCloseTo(sum / count, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sentiment.get("positive").asInt()).isEqualTo(positive).isPositive();
        assertThat(sentiment.get("negative").asInt()).isEqualTo(negative).isPositive();
        assertThat(sentiment.get("neutral").asInt()).isEqualTo(count - positive - negative);
        assertThat(sentiment.get("byScorer")).hasSize(byScorer.size());
        JsonNode scorer = sentiment.get("byScorer").get(0);
        List<Double> values = byScorer.get(scorer.get("scorer").asString());
        assertThat(scorer.get("count").asInt()).isEqualTo(values.size());
        assertThat(scorer.get("mean").asDouble())
                .isCloseTo(
                        values.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElseThrow(),
                        org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sentiment.get("asOf").asString()).startsWith("2024-12-31T23:59:59");
        assertThat(sentiment.get("provenance").get("demo").asBoolean()).isTrue();
    }

    @Test
    void test_anInjectedHeadline_staysInsideTheUntrustedField_andTheTextsFence() {
        ToolResult result = catalog.call(caller, "get_news", args("symbol", "ACME"));
        JsonNode structured = answers.success("get_news", result);

        JsonNode hostile = null;
        for (JsonNode article : structured.get("articles")) {
            if (article.get("untrusted").get("headline").asString().contains("Ignore previous")) {
                hostile = article;
            }
            List<String> fields = new ArrayList<>();
            article.propertyNames().forEach(fields::add);
            assertThat(fields)
                    .containsExactly(
                            "id",
                            "publishedAt",
                            "knownAt",
                            "sentiment",
                            "scorer",
                            "symbols",
                            "provider",
                            "demo",
                            "untrusted");
        }
        assertThat(hostile).as("the hostile article is answered, as data").isNotNull();
        assertThat(structured.toString().split("Ignore previous", -1))
                .as("found at its one data path only")
                .hasSize(2);
        String text = result.text();
        int open = text.indexOf("<untrusted-data");
        int close = text.indexOf("</untrusted-data>");
        int injected = text.indexOf("Ignore previous");
        assertThat(injected).isBetween(open, close);
        assertThat(text.split("</untrusted-data>", -1)).hasSize(2);
        assertThat(text.substring(open + 1)).doesNotContain("<img").doesNotContain("<script");
        assertThat(text).contains("not answered: down failed");
        JsonNode sentiment =
                answers.success("news_sentiment", catalog.call(caller, "news_sentiment", args("symbol", "ACME")));
        assertThat(sentiment.toString()).doesNotContain("Ignore");
        assertThat(sentiment.get("byScorer"))
                .extracting(s -> s.get("scorer").asString())
                .contains("wire");
    }

    @Test
    void test_badArguments_areRefusedNamingTheArgument() {
        assertThat(failure(catalog.call(
                                caller, "get_news", args("symbol", "AAPL", "from", "2025-06-03", "to", "2025-06-01")))
                        .code())
                .isEqualTo("invalid-range");
        assertThat(failure(catalog.call(caller, "get_news", args("symbol", "AAPL", "cursor", "garbage!")))
                        .code())
                .isEqualTo("invalid-parameter");
        assertThat(failure(catalog.call(caller, "news_sentiment", args("symbol", "NOSUCH")))
                        .code())
                .isEqualTo("unknown-symbol");
    }
}
