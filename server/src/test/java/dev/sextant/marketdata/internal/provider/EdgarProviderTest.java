package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
