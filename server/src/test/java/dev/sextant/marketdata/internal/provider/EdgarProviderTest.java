package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.marketdata.AssetClass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgarProviderTest extends ProviderStubTest {

    private static final String AGENT = "Sextant-test ops@example.invalid";

    private final EdgarProvider edgar = new EdgarProvider(http(), base(), base(), AGENT);

    @Test
    void test_companyFacts_areFoundByTicker_withTheirFilingDates() {
        stub.stubFor(get(urlPathEqualTo("/files/company_tickers.json"))
                .willReturn(okJson(fixture("edgar-company-tickers.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/xbrl/companyfacts/CIK0000320193.json"))
                .willReturn(okJson(fixture("edgar-companyfacts-aapl.json"))));

        List<FundamentalFact> facts = edgar.fundamentals("AAPL", null);

        assertThat(facts)
                .extracting(FundamentalFact::concept)
                .containsExactly(
                        "EarningsPerShareDiluted",
                        "EarningsPerShareDiluted",
                        "EarningsPerShareDiluted",
                        "EarningsPerShareDiluted",
                        "EarningsPerShareDiluted",
                        "EarningsPerShareDiluted",
                        "EntityCommonStockSharesOutstanding",
                        "NetIncomeLoss",
                        "NetIncomeLoss",
                        "RevenueFromContractWithCustomerExcludingAssessedTax")
                .doesNotContain("AccountsPayableCurrent");
        FundamentalFact income2024 = facts.get(8);
        assertThat(income2024.value()).isEqualTo(93736000000d);
        assertThat(income2024.unit()).isEqualTo("USD");
        assertThat(income2024.periodStart()).isEqualTo(LocalDate.of(2023, 10, 1));
        assertThat(income2024.periodEnd()).isEqualTo(LocalDate.of(2024, 9, 28));
        assertThat(income2024.filed()).isEqualTo(LocalDate.of(2024, 11, 1));
        assertThat(facts.get(6).periodStart())
                .as("a balance (cover-page shares) has no start")
                .isNull();
        // One 10-Q reports the quarter and the nine months to the same day: two facts, told apart by start.
        assertThat(facts.subList(3, 5))
                .extracting(FundamentalFact::periodStart, FundamentalFact::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 3, 31), 1.40),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 10, 1), 5.11));
        stub.verify(getRequestedFor(urlPathEqualTo("/api/xbrl/companyfacts/CIK0000320193.json"))
                .withHeader("User-Agent", equalTo(AGENT)));
    }

    @Test
    void test_tickerListIsReadOnce_andUnknownTickersAreNotFound() {
        stub.stubFor(get(urlPathEqualTo("/files/company_tickers.json"))
                .willReturn(okJson(fixture("edgar-company-tickers.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/xbrl/companyfacts/CIK0000789019.json"))
                .willReturn(okJson("{\"cik\":789019,\"entityName\":\"MICROSOFT CORP\",\"facts\":{}}")));

        assertThat(edgar.fundamentals("MSFT", null)).isEmpty();
        assertThatThrownBy(() -> edgar.fundamentals("ZZZZ", null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND));
        stub.verify(1, getRequestedFor(urlPathEqualTo("/files/company_tickers.json")));
    }

    @Test
    void test_filingsAsNews_oneArticlePerFiling_linkingItsIndex_acceptedOnNewYorksClock() {
        stub.stubFor(get(urlPathEqualTo("/files/company_tickers.json"))
                .willReturn(okJson(fixture("edgar-company-tickers.json"))));
        stub.stubFor(get(urlPathEqualTo("/submissions/CIK0000320193.json"))
                .willReturn(okJson(fixture("news/edgar-submissions-aapl.json"))));

        List<ProviderArticle> news = edgar.news(
                "AAPL",
                AssetClass.EQUITY,
                Instant.parse("2025-06-06T00:00:00Z"),
                Instant.parse("2025-06-11T00:00:00Z"),
                50,
                null);

        assertThat(news)
                .containsExactly(
                        new ProviderArticle(
                                base()
                                        + "/Archives/edgar/data/320193/000032019325000071/0000320193-25-000071-index.htm",
                                "AAPL files 4",
                                "Apple Inc. filed form 4 for the period ending 2025-06-06",
                                "SEC EDGAR",
                                // "2025-06-10T18:30:12.000Z" read as New York's clock: the later reading.
                                Instant.parse("2025-06-10T22:30:12Z"),
                                List.of("AAPL"),
                                null),
                        new ProviderArticle(
                                base()
                                        + "/Archives/edgar/data/320193/000114036125021874/0001140361-25-021874-index.htm",
                                "AAPL files 8-K",
                                "Apple Inc. filed form 8-K",
                                "SEC EDGAR",
                                Instant.parse("2025-06-09T20:05:41Z"),
                                List.of("AAPL"),
                                null));
        stub.verify(getRequestedFor(urlPathEqualTo("/submissions/CIK0000320193.json"))
                .withHeader("User-Agent", equalTo(AGENT)));
    }

    @Test
    void test_filingsAsNews_limitAndBadAnswers() {
        stub.stubFor(get(urlPathEqualTo("/files/company_tickers.json"))
                .willReturn(okJson(fixture("edgar-company-tickers.json"))));
        stub.stubFor(get(urlPathEqualTo("/submissions/CIK0000320193.json"))
                .willReturn(okJson(fixture("news/edgar-submissions-aapl.json"))));
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        Instant to = Instant.parse("2025-06-11T00:00:00Z");

        assertThat(edgar.news("AAPL", AssetClass.EQUITY, from, to, 1, null))
                .extracting(ProviderArticle::title)
                .containsExactly("AAPL files 4");
        assertThat(edgar.news("AAPL", AssetClass.EQUITY, from, to, 10, null))
                .extracting(ProviderArticle::title)
                .containsExactly("AAPL files 4", "AAPL files 8-K", "AAPL files 10-Q");

        stub.stubFor(get(urlPathEqualTo("/submissions/CIK0000789019.json"))
                .willReturn(okJson("{\"cik\":\"0000789019\",\"name\":\"MICROSOFT CORP\"}")));
        assertThatThrownBy(() -> edgar.news("MSFT", AssetClass.EQUITY, from, to, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));
        assertThatThrownBy(() -> edgar.news("BTC-USD", AssetClass.CRYPTO, from, to, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND));
    }
}
