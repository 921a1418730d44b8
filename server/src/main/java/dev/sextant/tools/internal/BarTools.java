package dev.sextant.tools.internal;

import static dev.sextant.tools.internal.Schemas.arrayOf;
import static dev.sextant.tools.internal.Schemas.object;
import static dev.sextant.tools.internal.Schemas.properties;
import static dev.sextant.tools.internal.Schemas.typed;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Scope;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code get_bars}: OHLCV bars, paged, exactly the bars {@code GET /api/v1/bars} serves for the same range. */
@Configuration(proxyBeanMethods = false)
class BarTools {

    static final List<String> INTERVALS =
            Arrays.stream(BarInterval.values()).map(BarInterval::code).toList();
    static final List<String> COLUMNS = List.of("time", "open", "high", "low", "close", "volume");

    /** Earlier than any bar served: a request from here reaches a symbol's first bar. */
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    private static final int DEFAULT_LIMIT = 200;

    @Bean
    ToolDefinition getBars(MarketDataService marketData, Clock clock) {
        Tool tool = new Tool(
                "get_bars",
                "Get bars",
                "OHLCV bars of one instrument, oldest first, each row [time, open, high, low, close, volume]: time"
                        + " the bar's start in UTC (ISO-8601), prices in the instrument's currency. Only completed bars."
                        + " Without 'from' the range is the last year of the symbol's data for 1d (five years for 1wk,"
                        + " twenty for 1mo, four days intraday). Paged: at most 'limit' rows per answer with 'total'"
                        + " and 'nextCursor' (pass it back unchanged with the same arguments for the next page). For"
                        + " indicators or risk, call compute_indicator or risk_metrics instead of fetching bars.",
                object(
                        properties(
                                "symbol",
                                Schemas.symbol("A symbol, e.g. AAPL"),
                                "interval",
                                Schemas.oneOf(INTERVALS, "1d", "Bar length"),
                                "from",
                                Schemas.date("First session, inclusive"),
                                "to",
                                Schemas.date("Last session, inclusive; default the symbol's last bar"),
                                Paging.LIMIT,
                                Paging.limitSchema(DEFAULT_LIMIT, "bars"),
                                Paging.CURSOR,
                                Paging.cursorSchema()),
                        "symbol"),
                object(
                        properties(
                                "symbol", typed("string"),
                                "interval", typed("string"),
                                "from", typed("string"),
                                "to", typed("string"),
                                "columns", arrayOf(typed("string")),
                                "bars",
                                        arrayOf(Schemas.map(
                                                "type",
                                                "array",
                                                "prefixItems",
                                                List.of(
                                                        typed("string"),
                                                        typed("number"),
                                                        typed("number"),
                                                        typed("number"),
                                                        typed("number"),
                                                        typed("number")),
                                                // Not "items": false: clients that validate with draft 7
                                                // (the TypeScript SDK's ajv) read that as "no items at all".
                                                "minItems",
                                                6,
                                                "maxItems",
                                                6)),
                                "total", typed("integer"),
                                "offset", typed("integer"),
                                "nextCursor", typed("string", "null"),
                                "note", typed("string", "null"),
                                "provenance", Provenance.SCHEMA),
                        "symbol",
                        "interval",
                        "from",
                        "to",
                        "columns",
                        "bars",
                        "total",
                        "offset",
                        "nextCursor",
                        "note",
                        "provenance"),
                Tool.Annotations.READ_OPEN_WORLD,
                Scope.MARKET_DATA_READ);
        return new ToolDefinition(tool, (caller, args) -> {
                    String symbol = Symbols.canonical(args.text("symbol"), "symbol");
                    BarInterval interval = BarInterval.fromCode(args.text("interval", "1d"))
                            .orElseThrow(() -> DomainException.invalidParameter(
                                    "interval", "Use one of " + BarInterval.codes() + "."));
                    Paging.Page page = Paging.read(tool.name(), args, DEFAULT_LIMIT);
                    LocalDate from = pinnedOr(page, "from", args.date("from"));
                    LocalDate to = pinnedOr(page, "to", args.date("to"));
                    Range range = range(marketData, clock, caller, symbol, interval, from, to);
                    OhlcvSeries bars = range.series().bars();
                    int total = bars.size();
                    if (page.offset() > total) {
                        throw DomainException.invalidParameter(Paging.CURSOR, "The cursor points past the last bar.");
                    }
                    List<List<Object>> rows = new ArrayList<>();
                    StringBuilder text = new StringBuilder();
                    for (int i = page.offset(); i < page.end(total); i++) {
                        Instant time = Instant.ofEpochSecond(bars.time(i));
                        double volume = bars.volume(i);
                        Number wireVolume =
                                volume == Math.rint(volume) && volume < 0x1p53 ? (Number) (long) volume : volume;
                        rows.add(List.of(
                                time.toString(), bars.open(i), bars.high(i), bars.low(i), bars.close(i), wireVolume));
                        text.append(
                                        interval.isIntraday()
                                                ? time.toString()
                                                : time.atZone(ZoneOffset.UTC).toLocalDate())
                                .append('|')
                                .append(Numbers.price(bars.open(i)))
                                .append('|')
                                .append(Numbers.price(bars.high(i)))
                                .append('|')
                                .append(Numbers.price(bars.low(i)))
                                .append('|')
                                .append(Numbers.price(bars.close(i)))
                                .append('|')
                                .append(Numbers.volume(volume))
                                .append('\n');
                    }
                    Provenance provenance = Provenance.of(range.series());
                    String next = Paging.next(
                            tool.name(),
                            args,
                            page,
                            total,
                            Map.of(
                                    "from",
                                    range.from().toString(),
                                    "to",
                                    range.to().toString()));
                    String note =
                            total == 0 ? "No bars of " + symbol + " at " + interval.code() + " in this range." : null;
                    Map<String, Object> structured = new LinkedHashMap<>();
                    structured.put("symbol", symbol);
                    structured.put("interval", interval.code());
                    structured.put("from", range.from().toString());
                    structured.put("to", range.to().toString());
                    structured.put("columns", COLUMNS);
                    structured.put("bars", rows);
                    structured.put("total", total);
                    structured.put("offset", page.offset());
                    structured.put("nextCursor", next);
                    structured.put("note", note);
                    structured.put("provenance", provenance.json());
                    String header =
                            symbol + " " + interval.code() + " bars " + range.from() + " to " + range.to() + ": rows "
                                    + (total == 0 ? 0 : page.offset() + 1) + "-" + page.end(total) + " of " + total
                                    + " (prices in the instrument's currency)\n"
                                    + String.join("|", COLUMNS).replace("time", "date")
                                    + "\n";
                    return new ToolResult.Success(
                            structured,
                            header
                                    + text
                                    + (note == null ? "" : note + "\n")
                                    + provenance.line()
                                    + (next == null ? "" : "\nmore: call again with cursor=" + next));
                })
                .withExample(Schemas.map("symbol", "AAPL", "interval", "1d", "from", "2025-01-02", "limit", 50));
    }

    private static LocalDate pinnedOr(Paging.Page page, String name, LocalDate given) {
        String pinned = page.pinned().get(name);
        return pinned == null ? given : LocalDate.parse(pinned);
    }

    /** The bars of a resolved range: its first and last day, and the series cut to them. */
    private record Range(LocalDate from, LocalDate to, BarSeries series) {}

    /**
     * The same range {@code GET /api/v1/bars} answers: without {@code to}, the default span ends at the
     * symbol's last bar (an import of 2013 still answers its last year), not today.
     */
    private static Range range(
            MarketDataService marketData,
            Clock clock,
            Caller caller,
            String symbol,
            BarInterval interval,
            LocalDate from,
            LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (to != null || interval.isIntraday()) {
            BarRequest request = BarRequest.withDefaults(symbol, interval, from, to, clock);
            return new Range(request.from(), request.to(), marketData.bars(caller, request));
        }
        if (from != null && from.isAfter(today)) {
            return new Range(from, from, marketData.bars(caller, new BarRequest(symbol, interval, from, from)));
        }
        BarSeries all =
                marketData.bars(caller, new BarRequest(symbol, interval, from != null ? from : EARLIEST, today));
        OhlcvSeries bars = all.bars();
        LocalDate end = bars.isEmpty()
                ? today
                : Instant.ofEpochSecond(bars.time(bars.size() - 1))
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate();
        BarRequest shown = BarRequest.withDefaults(symbol, interval, from, end, clock);
        BarSeries cut = new BarSeries(
                all.symbol(),
                all.interval(),
                all.provider(),
                all.demo(),
                bars.between(
                        shown.from().atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                        end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()),
                all.fetchedAt(),
                all.stale());
        return new Range(shown.from(), end, cut);
    }
}
