package dev.sextant.analysis.internal;

import dev.sextant.analysis.Analysis;
import dev.sextant.analysis.AnalysisRefusals;
import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.query.MetricHistory;
import dev.sextant.analytics.query.NearestName;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One registry indicator over a symbol's bars: checks the name and parameters against the
 * registry ({@link IndicatorCatalog}), reads the bars and keeps the points of the range asked for.
 * Daily values are computed over the {@link MetricHistory}, so a value at a date is the FK-DSL's
 * value as of that date.
 */
@Component
class IndicatorAnalysis {

    /** The request's other fields, under their URL names: a misspelt one is suggested, as a parameter is. */
    static final Set<String> RANGE_PARAMS = Set.of("name", "interval", "from", "to");

    private final MarketDataService marketData;
    private final Clock clock;

    IndicatorAnalysis(MarketDataService marketData, Clock clock) {
        this.marketData = marketData;
        this.clock = clock;
    }

    Analysis.IndicatorSeries indicator(Caller caller, Analysis.IndicatorRequest request) {
        String symbol = Symbols.canonical(request.symbol().strip(), "symbol");
        String name = request.name();
        if (name == null || name.isBlank()) {
            throw AnalysisRefusals.invalidParameter(
                    "name", "Name the indicator, e.g. name=RSI; GET /api/v1/indicators lists them.");
        }
        IndicatorCatalog.Definition definition =
                IndicatorCatalog.ALL.get(name.strip().toUpperCase(Locale.ROOT));
        if (definition == null) {
            throw AnalysisRefusals.invalidParameter(
                    "name",
                    "Unknown indicator '" + name + "'"
                            + NearestName.to(name, IndicatorCatalog.ALL.keySet())
                                    .map(s -> "; did you mean " + s + "?")
                                    .orElse(". Known: " + String.join(", ", IndicatorCatalog.ALL.keySet()) + "."));
        }
        Map<String, Double> params = params(definition, request.params());
        var interval = Intervals.of(request.interval());
        LocalDate from = request.from();
        LocalDate to = request.to();
        BarSeries series;
        LocalDate shownFrom;
        LocalDate shownTo;
        if (interval.isIntraday()) {
            BarRequest bars = BarRequest.withDefaults(symbol, interval, from, to, clock);
            series = marketData.bars(caller, bars);
            shownFrom = bars.from();
            shownTo = bars.to();
        } else {
            // The history every metric is computed over (MetricHistory), whatever range was asked for:
            // the value at a date is then the FK-DSL's value as of that date.
            LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
            if (from != null && from.isAfter(end)) {
                throw AnalysisRefusals.invalidParameter("from", "'from' (" + from + ") is after 'to' (" + end + ").");
            }
            series = marketData.bars(
                    caller, new BarRequest(symbol, interval, MetricHistory.from(from != null ? from : end), end));
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
        List<Analysis.IndicatorPoint> points = points(bars, definition.outputs(), columns, shownFrom, shownTo);
        Map<String, Number> shownParams = new LinkedHashMap<>();
        definition
                .params()
                .forEach(p -> shownParams.put(
                        p.name(),
                        p.integer() ? (Number) (int) Math.round(params.get(p.name())) : params.get(p.name())));
        return new Analysis.IndicatorSeries(
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

    /** Every parameter of the definition, given or its default, each checked against its bounds. */
    private static Map<String, Double> params(IndicatorCatalog.Definition definition, Map<String, String> given) {
        List<String> names =
                definition.params().stream().map(IndicatorCatalog.Param::name).toList();
        List<String> known = new ArrayList<>(RANGE_PARAMS);
        known.addAll(names);
        for (String name : given.keySet()) {
            if (!names.contains(name)) {
                throw AnalysisRefusals.invalidParameter(
                        name,
                        definition.name() + " takes no parameter '" + name + "'"
                                + NearestName.to(name, known)
                                        .map(s -> "; did you mean " + s + "?")
                                        .orElse(".")
                                + " Its parameters: " + String.join(", ", names) + ".");
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (IndicatorCatalog.Param param : definition.params()) {
            String text = given.get(param.name());
            double value;
            try {
                value = text == null ? param.defaultValue() : Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw AnalysisRefusals.invalidParameter(param.name(), "'" + param.name() + "' must be a number.");
            }
            if (!(value >= param.min() && value <= param.max()) || (param.integer() && value != Math.rint(value))) {
                throw AnalysisRefusals.invalidParameter(
                        param.name(),
                        "'" + param.name() + "' must be " + (param.integer() ? "a whole number " : "") + "from "
                                + format(param.min()) + " to " + format(param.max()) + ".");
            }
            values.put(param.name(), value);
        }
        return values;
    }

    private static List<Analysis.IndicatorPoint> points(
            OhlcvSeries bars, List<String> outputs, List<double[]> columns, LocalDate from, LocalDate to) {
        List<Analysis.IndicatorPoint> points = new ArrayList<>(bars.size());
        long first = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (int i = 0; i < bars.size(); i++) {
            if (Double.isNaN(columns.getFirst()[i]) || bars.time(i) < first || bars.time(i) >= end) {
                continue;
            }
            Instant time = Instant.ofEpochSecond(bars.time(i));
            if (outputs.isEmpty()) {
                points.add(new Analysis.IndicatorPoint(time, columns.getFirst()[i]));
            } else {
                Map<String, Double> value = new LinkedHashMap<>();
                for (int k = 0; k < outputs.size(); k++) {
                    value.put(outputs.get(k), columns.get(k)[i]);
                }
                points.add(new Analysis.IndicatorPoint(time, value));
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

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
