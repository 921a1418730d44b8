package dev.sextant.analysis.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.query.MetricHistory;
import dev.sextant.analytics.query.NearestName;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.identity.RequiresScope;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.MarketDataService;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Technical indicators of an instrument, computed on exactly the bars {@code GET /api/v1/bars} serves. */
@RestController
@RequestMapping(path = "/api/v1/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analysis", description = "Indicators with TA-Lib's definitions; parameters use TA-Lib's names.")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.ANALYSIS)
class IndicatorController {

    private static final Set<String> RANGE_PARAMS = Set.of("name", "interval", "from", "to");

    record ParamJson(String name, double defaultValue, double min, double max) {}

    /** @param unit the unit of every output (docs/API.md lists them) */
    record IndicatorJson(String name, String description, List<ParamJson> params, List<String> outputs, String unit) {}

    record IndicatorList(List<IndicatorJson> indicators) {}

    /** One bar's value: a number, or an object of named outputs (MACD, BBANDS). */
    record Point(Instant time, Object value) {}

    record IndicatorResponse(
            String symbol,
            String name,
            Map<String, Number> params,
            String unit,
            String interval,
            String provider,
            boolean demo,
            LocalDate from,
            LocalDate to,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note,
            List<Point> points) {}

    private final MarketDataService marketData;
    private final Clock clock;

    IndicatorController(MarketDataService marketData, Clock clock) {
        this.marketData = marketData;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The indicators served, with their parameters (TA-Lib names, defaults, bounds) and outputs")
    IndicatorList list() {
        return new IndicatorList(IndicatorCatalog.ALL.values().stream()
                .map(d -> new IndicatorJson(
                        d.name(),
                        d.description(),
                        d.params().stream()
                                .map(p -> new ParamJson(p.name(), p.defaultValue(), p.min(), p.max()))
                                .toList(),
                        d.outputs().isEmpty() ? List.of("value") : d.outputs(),
                        d.unit()))
                .toList());
    }

    @GetMapping("/{symbol}")
    @Operation(
            summary = "An indicator over an instrument's bars, e.g. ?name=RSI&period=14&interval=1d",
            description = "Points before the indicator's lookback are left out. MACD and BBANDS answer an object "
                    + "of named outputs per point.")
    IndicatorResponse indicator(
            Caller caller,
            @Parameter(description = "Canonical symbol") @PathVariable String symbol,
            @Parameter(
                            description = "SMA, EMA, RSI, MACD, BBANDS or ATR; parameters period, fast, slow, signal, "
                                    + "stddev; interval, from and to as for /api/v1/bars")
                    @RequestParam
                    Map<String, String> query) {
        symbol = Symbols.canonical(symbol.strip(), "symbol");
        String name = query.get("name");
        if (name == null || name.isBlank()) {
            throw ApiProblem.invalidParameter(
                    "name", "Name the indicator, e.g. name=RSI; GET /api/v1/indicators lists them.");
        }
        IndicatorCatalog.Definition definition =
                IndicatorCatalog.ALL.get(name.strip().toUpperCase(Locale.ROOT));
        if (definition == null) {
            throw ApiProblem.invalidParameter(
                    "name",
                    "Unknown indicator '" + name + "'"
                            + NearestName.to(name, IndicatorCatalog.ALL.keySet())
                                    .map(s -> "; did you mean " + s + "?")
                                    .orElse(". Known: " + String.join(", ", IndicatorCatalog.ALL.keySet()) + "."));
        }
        Map<String, Double> params = params(definition, query);
        String intervalCode = query.getOrDefault("interval", "1d");
        BarInterval interval = BarInterval.fromCode(intervalCode)
                .orElseThrow(() -> ApiProblem.invalidParameter(
                        "interval",
                        "Unsupported interval '" + intervalCode + "'; use one of " + BarInterval.codes() + "."));
        LocalDate from = date(query, "from");
        LocalDate to = date(query, "to");
        BarSeries series;
        LocalDate shownFrom;
        LocalDate shownTo;
        if (interval.isIntraday()) {
            BarRequest request = BarRequest.withDefaults(symbol.toUpperCase(Locale.ROOT), interval, from, to, clock);
            series = marketData.bars(caller, request);
            shownFrom = request.from();
            shownTo = request.to();
        } else {
            // The history every metric is computed over (MetricHistory), whatever range was asked for:
            // the value at a date is then the FK-DSL's value as of that date.
            LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
            if (from != null && from.isAfter(end)) {
                throw ApiProblem.invalidParameter("from", "'from' (" + from + ") is after 'to' (" + end + ").");
            }
            series = marketData.bars(
                    caller,
                    new BarRequest(
                            symbol.toUpperCase(Locale.ROOT),
                            interval,
                            MetricHistory.from(from != null ? from : end),
                            end));
            OhlcvSeries all = series.bars();
            // Without 'to', the range ends at the symbol's last bar, not today: data that ends in the past.
            shownTo = to != null || all.isEmpty() ? end : day(all.time(all.size() - 1));
            shownFrom = from != null
                    ? from
                    : BarRequest.withDefaults(symbol, interval, null, shownTo, clock)
                            .from();
        }
        OhlcvSeries bars = series.bars();
        List<double[]> columns = definition.compute().apply(bars, params);
        List<Point> points = points(bars, definition.outputs(), columns, shownFrom, shownTo);
        Map<String, Number> shownParams = new LinkedHashMap<>();
        definition
                .params()
                .forEach(p -> shownParams.put(
                        p.name(),
                        p.integer() ? (Number) (int) Math.round(params.get(p.name())) : params.get(p.name())));
        return new IndicatorResponse(
                series.symbol(),
                definition.name(),
                shownParams,
                definition.unit(),
                interval.code(),
                series.provider(),
                series.demo(),
                shownFrom,
                shownTo,
                points.isEmpty() ? emptyNote(series.symbol(), bars, shownFrom, shownTo) : null,
                points);
    }

    private static Map<String, Double> params(IndicatorCatalog.Definition definition, Map<String, String> query) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> known = new ArrayList<>(RANGE_PARAMS);
        definition.params().forEach(p -> known.add(p.name()));
        for (String given : query.keySet()) {
            if (!known.contains(given)) {
                throw ApiProblem.invalidParameter(
                        given,
                        definition.name() + " takes no parameter '" + given + "'"
                                + NearestName.to(given, known)
                                        .map(s -> "; did you mean " + s + "?")
                                        .orElse(".")
                                + " Its parameters: "
                                + String.join(
                                        ", ",
                                        definition.params().stream()
                                                .map(IndicatorCatalog.Param::name)
                                                .toList())
                                + ".");
            }
        }
        for (IndicatorCatalog.Param param : definition.params()) {
            String text = query.get(param.name());
            double value;
            try {
                value = text == null ? param.defaultValue() : Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.invalidParameter(param.name(), "'" + param.name() + "' must be a number.");
            }
            if (!(value >= param.min() && value <= param.max()) || (param.integer() && value != Math.rint(value))) {
                throw ApiProblem.invalidParameter(
                        param.name(),
                        "'" + param.name() + "' must be " + (param.integer() ? "a whole number " : "") + "from "
                                + format(param.min()) + " to " + format(param.max()) + ".");
            }
            values.put(param.name(), value);
        }
        return values;
    }

    private static List<Point> points(
            OhlcvSeries bars, List<String> outputs, List<double[]> columns, LocalDate from, LocalDate to) {
        List<Point> points = new ArrayList<>(bars.size());
        long first = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (int i = 0; i < bars.size(); i++) {
            if (Double.isNaN(columns.getFirst()[i]) || bars.time(i) < first || bars.time(i) >= end) {
                continue;
            }
            Instant time = Instant.ofEpochSecond(bars.time(i));
            if (outputs.isEmpty()) {
                points.add(new Point(time, columns.getFirst()[i]));
            } else {
                Map<String, Double> value = new LinkedHashMap<>();
                for (int k = 0; k < outputs.size(); k++) {
                    value.put(outputs.get(k), columns.get(k)[i]);
                }
                points.add(new Point(time, value));
            }
        }
        return points;
    }

    /** Why there are no points: the range the symbol's bars cover, or that it has none. */
    private static String emptyNote(String symbol, OhlcvSeries bars, LocalDate from, LocalDate to) {
        if (bars.isEmpty()) {
            return symbol + " has no bars up to " + to + ".";
        }
        return "No values from " + from + " to " + to + "; " + symbol + "'s bars run from "
                + day(bars.time(0)) + " to " + day(bars.time(bars.size() - 1))
                + " (and an indicator needs its lookback of bars before its first value).";
    }

    private static LocalDate day(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate date(Map<String, String> query, String name) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(name, "'" + name + "' must be a date, e.g. 2025-06-11.");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
