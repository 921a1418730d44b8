package dev.sextant.marketdata.internal.live;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The real market-data providers ({@code SEXTANT_PROVIDERS_*}).
 *
 * @param enabled the providers to use, e.g. {@code yahoo,stooq,binance,coingecko,fred,edgar} and
 *     the news sources {@code gdelt,yahoo-rss,nasdaq-rss,finnhub,newsapi} (none by default: the demo
 *     market only)
 * @param budgets outbound limits replacing the providers' free-tier ones, e.g. {@code polygon=100/1s}
 * @param timeout longest wait for one provider call
 * @param maxConcurrentCalls most calls in flight to one provider
 * @param circuitFailureRate failure percentage (of the last 10 calls) that opens a provider's circuit
 * @param circuitOpenFor how long an open circuit leaves a provider alone before one probe
 * @param crossCheck ask the runner-up provider too for quotes, and report disagreements
 * @param conflictTolerance relative difference above which two quotes disagree (0.01 = 1 %)
 * @param quoteTtl how long a quote stays fresh while its market trades
 * @param staleFor how long past its freshness a quote may still be served (flagged stale) while it is refreshed
 * @param warmWatchlists keep quotes of symbols on users' watchlists fresh in the background
 * @param edgarUserAgent the User-Agent SEC EDGAR asks for: a name and a contact address
 */
@Validated
@ConfigurationProperties("sextant.providers")
public record ProvidersProperties(
        @DefaultValue("") List<String> enabled,
        @DefaultValue("") List<String> budgets,
        @DefaultValue("3s") Duration timeout,
        @Min(1) @Max(256) @DefaultValue("8") int maxConcurrentCalls,
        @Min(1) @Max(100) @DefaultValue("50") int circuitFailureRate,
        @DefaultValue("30s") Duration circuitOpenFor,
        @DefaultValue("true") boolean crossCheck,

        @DecimalMin("0.0001") @DecimalMax("0.5") @DefaultValue("0.01")
        double conflictTolerance,

        @DefaultValue("15s") Duration quoteTtl,
        @DefaultValue("5m") Duration staleFor,
        @DefaultValue("true") boolean warmWatchlists,

        @NotBlank @DefaultValue("Sextant/0.1 (self-hosted; admin@example.invalid)")
        String edgarUserAgent,

        @Valid @DefaultValue Urls urls,
        @DefaultValue Keys keys) {

    /** Every provider's base URL (a stub's, in tests). */
    record Urls(
            @DefaultValue("https://query1.finance.yahoo.com")
            URI yahoo,

            @DefaultValue("https://stooq.com") URI stooq,
            @DefaultValue("https://api.binance.com") URI binance,
            @DefaultValue("https://api.coingecko.com") URI coingecko,
            @DefaultValue("https://fred.stlouisfed.org") URI fred,
            @DefaultValue("https://www.sec.gov") URI edgar,
            @DefaultValue("https://data.sec.gov") URI edgarData,
            @DefaultValue("https://www.alphavantage.co") URI alphavantage,

            @DefaultValue("https://financialmodelingprep.com")
            URI fmp,

            @DefaultValue("https://api.polygon.io") URI polygon,
            @DefaultValue("https://finnhub.io") URI finnhub,
            @DefaultValue("https://newsapi.org") URI newsapi,
            @DefaultValue("https://api.gdeltproject.org") URI gdelt,

            @DefaultValue("https://feeds.finance.yahoo.com") URI yahooRss,

            @DefaultValue("https://www.nasdaq.com") URI nasdaqRss) {}

    /**
     * The server's own keys for keyed providers, used for users without a key of their own. Data
     * fetched with them is shared with every user of this server: the operator's call.
     */
    record Keys(String alphavantage, String fmp, String polygon, String finnhub, String newsapi) {
        @Override
        public String toString() {
            return "Keys[****]";
        }
    }
}
