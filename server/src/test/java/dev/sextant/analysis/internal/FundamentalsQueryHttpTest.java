package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.internal.catalog.CatalogMarketData;
import dev.sextant.marketdata.internal.catalog.InstrumentRepository;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Fundamental metrics, markets and symbol aliases on a fresh install's demo market, over HTTP: the
 * answers re-computed here from what the fundamentals and bars endpoints serve.
 */
class FundamentalsQueryHttpTest extends ServerHttpTest {

    private static final Set<String> DEMO_NASDAQ_STOCKS =
            Set.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "NFLX", "AMD", "INTC", "COST", "PEP");

    @Autowired
    InstrumentRepository instruments;

    @Autowired
    CatalogMarketData catalog;

    @Autowired
    JdbcTemplate jdbc;

    private static List<JsonNode> rows(HttpTestClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(
                        answer.json().get("results").get(0).get("rows").spliterator(), false)
                .toList();
    }

    @Test
    void test_scanNasdaqOnPe_answersOnAFreshInstall_labelledDemo() {
        HttpTestClient.Answer answer = http.query("SCAN NASDAQ WHERE PE < 20");

        List<JsonNode> rows = rows(answer);
        assertThat(rows).isNotEmpty();
        for (JsonNode row : rows) {
            assertThat(DEMO_NASDAQ_STOCKS).contains(row.get(0).asString());
            assertThat(row.get(1).asDouble()).isPositive().isLessThan(20);
        }
        assertThat(answer.json().get("demo").asBoolean()).isTrue();
        assertThat(answer.json()
                        .get("results")
                        .get(0)
                        .get("columns")
                        .get(1)
                        .get("unit")
                        .asString())
                .isEqualTo("ratio");
        List<String> filings = StreamSupport.stream(answer.json().get("inputs").spliterator(), false)
                .filter(input -> input.get("interval").asString().equals("filings"))
                .map(input -> input.get("symbol").asString() + ":"
                        + input.get("provider").asString() + ":"
                        + input.get("demo").asBoolean())
                .toList();
        assertThat(filings).contains("AAPL:demo:true", "MSFT:demo:true");
    }

    /** PE re-computed from the served filings (the 10-K plus the 10-Q's quarter minus last year's) and close. */
    @Test
    void test_pe_isTheServedCloseOverTheTtmEpsOfTheServedFilings() {
        JsonNode facts = http.get("/api/v1/fundamentals/MSFT?concepts=EarningsPerShareDiluted")
                .json();
        assertThat(facts.get("demo").asBoolean()).isTrue();
        assertThat(facts.get("provider").asString()).isEqualTo("demo");
        double fy2024 = 0;
        double q1of2025 = 0;
        double q1of2024 = 0;
        for (JsonNode fact : facts.get("facts")) {
            String period = fact.get("periodStart").asString() + ".."
                    + fact.get("periodEnd").asString();
            double value = fact.get("value").asDouble();
            switch (period) {
                case "2024-01-01..2024-12-31" -> fy2024 = value;
                case "2025-01-01..2025-03-31" -> q1of2025 = value;
                case "2024-01-01..2024-03-31" -> q1of2024 = value;
                default -> {}
            }
            assertThat(LocalDate.parse(fact.get("filed").asString())).isBeforeOrEqualTo(LocalDate.of(2025, 6, 11));
        }
        double eps = fy2024 + q1of2025 - q1of2024;
        JsonNode bars = http.get("/api/v1/bars/MSFT?from=2025-06-01&to=2025-06-11")
                .json()
                .get("bars");
        double close = bars.get(bars.size() - 1).get("close").asDouble();

        JsonNode row =
                rows(http.query("EVALUATE MSFT: PE, EPS, PRICE, MARKET_CAP")).getFirst();

        assertThat(row.get(2).asDouble()).isCloseTo(eps, within(1e-9));
        assertThat(row.get(1).asDouble()).isCloseTo(close / eps, within(1e-9));
        assertThat(row.get(4).asDouble()).isPositive();
    }

    @Test
    void test_fundamentalsBeforeTheDemoFilingsBegin_areNotComputed() {
        JsonNode row =
                rows(http.query("EVALUATE AAPL: PE, PRICE AS OF 2012-03-30")).getFirst();
        assertThat(row.get(1).isNull()).isTrue();
        assertThat(row.get(2).asDouble()).isPositive();
    }

    @Test
    void test_universes_listMarketsSectorsAndIndices_fromTheCatalog() {
        JsonNode list = http.get("/api/v1/universes").json().get("universes");
        List<String> names = new ArrayList<>();
        list.forEach(u -> names.add(u.get("name").asString()));
        assertThat(names)
                .contains(
                        "NASDAQ",
                        "NYSE",
                        "NYSEARCA",
                        "AMEX",
                        "US_TECH",
                        "US_FINANCIALS",
                        "US_HEALTHCARE",
                        "US_ENERGY",
                        "SP500",
                        "NASDAQ100",
                        "DOW30");

        assertThat(symbols("NASDAQ"))
                .containsAll(DEMO_NASDAQ_STOCKS)
                .contains("QQQ", "TLT")
                .doesNotContain("JPM", "^NDX");
        assertThat(symbols("nyse")).contains("JPM", "XOM").doesNotContain("AAPL", "SPY");
        assertThat(symbols("NYSEARCA")).containsExactlyInAnyOrder("SPY", "IWM", "DIA", "GLD");
        assertThat(symbols("US_TECH")).containsExactlyInAnyOrder("AAPL", "MSFT", "NVDA", "AMD", "INTC", "ORCL");
        assertThat(symbols("US_ENERGY")).containsExactlyInAnyOrder("XOM", "CVX");
        assertThat(symbols("DOW30"))
                .containsExactlyInAnyOrder(
                        "AAPL", "MSFT", "NVDA", "AMZN", "JPM", "V", "JNJ", "UNH", "CVX", "WMT", "PG", "KO", "DIS",
                        "HD");
        assertThat(rows(http.query("SCAN US_ENERGY WHERE PRICE > 0")))
                .extracting(r -> r.get(0).asString())
                .containsExactlyInAnyOrder("XOM", "CVX");
    }

    @Test
    void test_anUnknownMarket_isRefusedWithTheNearestName_atItsLineAndColumn() {
        HttpTestClient.Answer answer = http.query("SCAN NASDAQQ WHERE PE < 20");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:query-invalid");
        assertThat(answer.json().get("detail").asString())
                .isEqualTo("Line 1, column 6: Unknown universe 'nasdaqq'; did you mean NASDAQ?; GET /api/v1/universes"
                        + " lists them.");
        assertThat(answer.json().get("line").asInt()).isEqualTo(1);
        assertThat(answer.json().get("column").asInt()).isEqualTo(6);
    }

    private List<String> symbols(String universe) {
        HttpTestClient.Answer answer = http.get("/api/v1/universes/" + universe);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> symbols = new ArrayList<>();
        answer.json().get("symbols").forEach(s -> symbols.add(s.asString()));
        return symbols;
    }

    @Test
    void test_cryptoCodes_areAliasesOfTheirUsdPairs_inQueriesAndOverHttp() {
        JsonNode alias = rows(http.query("EVALUATE BTC: PRICE, RSI(14)")).getFirst();
        JsonNode pair = rows(http.query("EVALUATE BTC-USD: PRICE, RSI(14)")).getFirst();
        assertThat(alias.get(1).asDouble()).isEqualTo(pair.get(1).asDouble());
        assertThat(alias.get(2).asDouble()).isEqualTo(pair.get(2).asDouble());
        assertThat(http.get("/api/v1/quotes/eth").json().get("symbol").asString())
                .isEqualTo("ETH-USD");
    }

    @Test
    void test_anAliasThatIsAlsoATicker_isAProblemListingBoth_withItsLineAndColumn() {
        instruments.put(
                new Instrument("XRP", "XRP Trust (test)", "NYSE Arca", AssetClass.ETF, "USD", "import", false),
                Instant.now());
        try {
            HttpTestClient.Answer answer = http.query("EVALUATE SPY: PRICE;\nCOMPARE SPY vs xrp ON PRICE");
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:ambiguous-symbol");
            assertThat(answer.json().get("candidates").toString()).isEqualTo("[\"XRP\",\"XRP-USD\"]");
            assertThat(answer.json().get("line").asInt()).isEqualTo(2);
            assertThat(answer.json().get("column").asInt()).isEqualTo(16);
            HttpTestClient.Answer quote = http.get("/api/v1/quotes/XRP");
            assertThat(quote.status()).isEqualTo(400);
            assertThat(quote.json().get("type").asString()).isEqualTo("urn:sextant:problem:ambiguous-symbol");
        } finally {
            jdbc.update("DELETE FROM instrument WHERE symbol = 'XRP'");
            catalog.evict("XRP");
        }
    }
}
