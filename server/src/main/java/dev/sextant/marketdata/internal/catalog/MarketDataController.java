package dev.sextant.marketdata.internal.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.identity.RequiresScope;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.SearchHit;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST face of market data: instruments, quotes (one or a batch) and OHLCV bars. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Market data", description = "Instruments, quotes and OHLCV bars. Demo values carry demo: true.")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.MARKET_DATA_READ)
class MarketDataController {

    /** Earlier than any bar served: a request from here reaches a symbol's first bar. */
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    private final MarketDataService marketData;
    private final QuoteReads quotes;
    private final Clock clock;

    MarketDataController(MarketDataService marketData, QuoteReads quotes, Clock clock) {
        this.marketData = marketData;
        this.quotes = quotes;
        this.clock = clock;
    }

    record InstrumentsResponse(List<Instrument> instruments) {}

    record SearchResult(String symbol, String name, String exchange, AssetClass assetClass, List<String> providers) {
        static SearchResult of(SearchHit hit) {
            Instrument instrument = hit.instrument();
            return new SearchResult(
                    instrument.symbol(),
                    instrument.name(),
                    instrument.exchange(),
                    instrument.assetClass(),
                    hit.providers());
        }
    }

    record SearchResponse(List<SearchResult> results) {}

    record QuotesRequest(List<String> symbols) {}

    /** One bar on the wire; volume is written as an integer when it is one. */
    record BarJson(Instant time, double open, double high, double low, double close, Number volume) {}

    /**
     * @param asOf the start of the newest bar served (null when there is none)
     * @param fetchedAt when Sextant obtained the bars
     * @param stale true when served from a cache past its freshness
     */
    record BarsResponse(
            String symbol,
            String interval,
            String provider,
            boolean demo,
            Instant asOf,
            Instant fetchedAt,
            boolean stale,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note,
            List<BarJson> bars) {}

    @GetMapping("/instruments")
    @Operation(summary = "List every instrument Sextant can serve")
    InstrumentsResponse instruments(Caller caller) {
        return new InstrumentsResponse(marketData.instruments(caller));
    }

    @GetMapping("/search")
    @Operation(summary = "Find instruments by symbol or name: exact symbol first, then symbol prefix, then name")
    SearchResponse search(
            Caller caller,
            @Parameter(description = "1 to 50 characters, e.g. APP or apple") @RequestParam String q,
            @Parameter(description = "At most this many results (1 to 100)") @RequestParam(defaultValue = "20")
                    int limit) {
        String text = q.strip();
        if (text.isEmpty() || text.length() > 50) {
            throw ApiProblem.invalidParameter("q", "Search for 1 to 50 characters.");
        }
        if (limit < 1 || limit > 100) {
            throw ApiProblem.invalidParameter("limit", "'limit' must be between 1 and 100.");
        }
        return new SearchResponse(marketData.search(caller, text, limit).stream()
                .map(SearchResult::of)
                .toList());
    }

    @GetMapping("/quotes/{symbol}")
    @Operation(summary = "Latest price of one instrument and its change since the previous close")
    Quote quote(
            Caller caller,
            @Parameter(description = "Canonical symbol, e.g. AAPL, BTC-USD, ^GSPC") @PathVariable String symbol) {
        return quotes.one(caller, symbol);
    }

    @GetMapping("/quotes")
    @Operation(summary = "Latest prices of several instruments (comma-separated, at most 100)")
    QuoteReads.QuotesResponse quotes(
            Caller caller,
            @Parameter(description = "Comma-separated symbols, e.g. AAPL,MSFT") @RequestParam String symbols) {
        return quotes.commaSeparated(caller, symbols);
    }

    @PostMapping(path = "/quotes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Latest prices of several instruments, for lists too long for a URL (at most 100)")
    QuoteReads.QuotesResponse quotes(Caller caller, @RequestBody QuotesRequest request) {
        if (request.symbols() == null) {
            throw ApiProblem.invalidParameter(
                    "symbols", "The body needs a 'symbols' array, e.g. {\"symbols\":[\"AAPL\"]}.");
        }
        return quotes.batch(caller, request.symbols());
    }

    @GetMapping("/bars/{symbol}")
    @Operation(
            summary = "OHLCV bars, oldest first, each stamped with its start time in UTC",
            description = "Only completed bars are returned. Intraday bars are counted from the session's open; "
                    + "weekly and monthly bars cover whole calendar periods.")
    BarsResponse bars(
            Caller caller,
            @Parameter(description = "Canonical symbol") @PathVariable String symbol,
            @Parameter(description = "One of 1m, 5m, 15m, 30m, 1h, 1d, 1wk, 1mo") @RequestParam(defaultValue = "1d")
                    String interval,
            @Parameter(description = "First session date, inclusive (default depends on the interval)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "Last session date, inclusive (default the symbol's last bar)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to) {
        BarInterval barInterval = BarInterval.fromCode(interval)
                .orElseThrow(() -> ApiProblem.invalidParameter(
                        "interval",
                        "Unsupported interval '" + interval + "'; use one of " + BarInterval.codes() + "."));
        String canonical = checkSymbol(symbol, "symbol");
        BarSeries series;
        if (to == null && !barInterval.isIntraday()) {
            // The default range is the last year (five, twenty) of the symbol's data, not of today:
            // data that ends in the past (an import of 2013) still answers its last bars.
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            if (from != null && from.isAfter(today)) {
                series = marketData.bars(caller, new BarRequest(canonical, barInterval, from, from));
            } else {
                BarSeries all = marketData.bars(
                        caller, new BarRequest(canonical, barInterval, from != null ? from : EARLIEST, today));
                OhlcvSeries bars = all.bars();
                LocalDate end = bars.isEmpty() ? today : day(bars.time(bars.size() - 1));
                BarRequest shown = BarRequest.withDefaults(canonical, barInterval, from, end, clock);
                series = new BarSeries(
                        all.symbol(),
                        all.interval(),
                        all.provider(),
                        all.demo(),
                        bars.between(
                                shown.from().atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                                end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()),
                        all.fetchedAt(),
                        all.stale());
            }
        } else {
            series = marketData.bars(caller, BarRequest.withDefaults(canonical, barInterval, from, to, clock));
        }
        OhlcvSeries bars = series.bars();
        Instant asOf = bars.isEmpty() ? null : Instant.ofEpochSecond(bars.time(bars.size() - 1));
        return new BarsResponse(
                series.symbol(),
                series.interval().code(),
                series.provider(),
                series.demo(),
                asOf,
                series.fetchedAt(),
                series.stale(),
                bars.isEmpty() && !barInterval.isIntraday() ? storedRange(caller, canonical, barInterval) : null,
                toJson(bars));
    }

    /** What an empty answer says: the range of the symbol's bars at this interval, or that it has none. */
    private String storedRange(Caller caller, String symbol, BarInterval interval) {
        OhlcvSeries all = marketData
                .bars(caller, new BarRequest(symbol, interval, EARLIEST, LocalDate.now(clock.withZone(ZoneOffset.UTC))))
                .bars();
        return all.isEmpty()
                ? "No bars in this range; " + symbol + " has no " + interval.code() + " bars."
                : "No bars in this range; " + symbol + "'s " + interval.code() + " bars run from " + day(all.time(0))
                        + " to " + day(all.time(all.size() - 1)) + ".";
    }

    private static LocalDate day(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).toLocalDate();
    }

    @GetMapping("/fundamentals/{symbol}")
    @Operation(
            summary = "A company's reported figures (SEC filings) as public on a date",
            description = "Facts filed after asOf, restatements included, are left out: history stays point in time.")
    Fundamentals fundamentals(
            Caller caller,
            @Parameter(description = "Canonical symbol of a US-listed company") @PathVariable String symbol,
            @Parameter(description = "Public as of this date (default today)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = "Comma-separated concepts to keep, e.g. NetIncomeLoss,Assets")
                    @RequestParam(required = false)
                    String concepts) {
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Set<String> wanted = concepts == null || concepts.isBlank()
                ? Set.of()
                : Arrays.stream(concepts.split(","))
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .collect(Collectors.toSet());
        if (wanted.size() > 50 || wanted.stream().anyMatch(c -> !c.matches("[A-Za-z0-9_-]{1,128}"))) {
            throw ApiProblem.invalidParameter("concepts", "List at most 50 concept names (letters, digits, _ and -).");
        }
        return marketData.fundamentals(caller, checkSymbol(symbol, "symbol"), day, wanted);
    }

    private static List<BarJson> toJson(OhlcvSeries bars) {
        List<BarJson> json = new ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            double volume = bars.volume(i);
            Number wireVolume = volume == Math.rint(volume) && volume < 0x1p53 ? (Number) (long) volume : volume;
            json.add(new BarJson(
                    Instant.ofEpochSecond(bars.time(i)),
                    bars.open(i),
                    bars.high(i),
                    bars.low(i),
                    bars.close(i),
                    wireVolume));
        }
        return json;
    }

    private static String checkSymbol(String symbol, String parameter) {
        return Symbols.canonical(symbol, parameter);
    }
}
