package dev.sextant.analytics.query;

import dev.sextant.analytics.Units;
import dev.sextant.analytics.fundamentals.PointInTimeFigures;
import dev.sextant.analytics.fundamentals.ReportedFact;
import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.risk.Correlation;
import dev.sextant.analytics.risk.Returns;
import dev.sextant.analytics.risk.RiskMetrics;
import dev.sextant.analytics.series.Alignment;
import dev.sextant.analytics.series.OhlcvSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The metrics FK-DSL knows, each with its arguments' kinds and defaults and how it computes from a
 * symbol's daily bars. Spans count sessions: {@code d} bars, {@code w} a 52nd, {@code m} a 12th
 * and {@code y} a year of the instrument's sessions. A value that cannot be computed (too little
 * history, a division by zero) is null.
 */
final class Metrics {

    /**
     * One symbol's bars up to the evaluation date, its sessions per year, and the other symbols a
     * metric may read.
     *
     * @param periodFrom the first second of the statement's {@code FROM ... TO} period, null without one
     * @param news the symbol's articles known at the evaluation date, {@link NewsFeed#NONE} when the
     *     statement names no news metric
     */
    record Context(
            String symbol,
            OhlcvSeries bars,
            int perYear,
            Function<String, Context> other,
            Long periodFrom,
            NewsFeed news,
            Figures figures) {

        Context(
                String symbol,
                OhlcvSeries bars,
                int perYear,
                Function<String, Context> other,
                Long periodFrom,
                NewsFeed news) {
            this(symbol, bars, perYear, other, periodFrom, news, Figures.NONE);
        }
    }

    /**
     * A symbol's reported figures as known on the evaluation date, worked out from its facts on first
     * use (by the thread that evaluates the symbol) and then kept: fetched only for a statement that
     * names a fundamental metric.
     */
    static final class Figures {
        static final Figures NONE = new Figures(List.of(), java.time.LocalDate.MIN);

        private final List<ReportedFact> facts;
        private final java.time.LocalDate asOf;
        private volatile PointInTimeFigures.Known known;

        Figures(List<ReportedFact> facts, java.time.LocalDate asOf) {
            this.facts = facts;
            this.asOf = asOf;
        }

        PointInTimeFigures.Known known() {
            PointInTimeFigures.Known figures = known;
            if (figures == null) {
                figures = PointInTimeFigures.known(facts, asOf);
                known = figures;
            }
            return figures;
        }
    }

    /** The metrics computed from reported figures: a statement naming one fetches the facts. */
    static final java.util.Set<String> FUNDAMENTAL =
            java.util.Set.of("PE", "EPS", "ROE", "PB", "PS", "DEBT_TO_EQUITY", "DIVIDEND_YIELD", "MARKET_CAP");

    /** The unit of each output of a metric whose outputs differ in unit. */
    private static final Map<String, Map<String, String>> OUTPUT_UNITS =
            Map.of("LIQUIDITY", Map.of("dollarVolume", Units.DOLLAR_VOLUME, "amihud", Units.RETURN_PER_MILLION_TRADED));

    /** The unit of a metric's column: its output's unit when its outputs differ in unit. */
    static String unit(Ast.Metric metric) {
        Definition definition = of(metric);
        Map<String, String> units = OUTPUT_UNITS.get(metric.name());
        String output = metric.output() != null ? metric.output() : definition.defaultOutput();
        return units != null && output != null && units.containsKey(output) ? units.get(output) : definition.unit();
    }

    /**
     * The span of a metric that names none in a statement with a period: the period's sessions, and
     * for changes and returns the last close before it as the base.
     */
    static final Ast.Span PERIOD = new Ast.Span(0, 'p');

    /**
     * {@code VOLUME}'s default span: one session, the last bar's volume. Not replaced by a
     * statement's period (compared by identity, as {@link #PERIOD} is): {@code VOLUME} stays the
     * last bar's volume in {@code FROM ... TO}, {@code AVG_VOLUME} is the period's mean.
     */
    static final Ast.Span LAST_BAR = new Ast.Span(1, 'd');

    /**
     * The kind of an argument that is either a number of bars or a span ({@code MOMENTUM(14)} and
     * {@code MOMENTUM(14d)}); a symbol is refused.
     */
    static final Class<Ast.Argument> BARS_OR_SPAN = Ast.Argument.class;

    @FunctionalInterface
    interface Compute {
        Double apply(Context context, List<Ast.Argument> arguments);
    }

    /** The value of one output (by index) of a metric with several. */
    @FunctionalInterface
    interface OutputCompute {
        Double apply(Context context, List<Ast.Argument> arguments, int output);
    }

    /**
     * @param unit the unit of its value ({@link Units})
     * @param params an indicator's parameters from {@link IndicatorCatalog}, whose bounds its
     *     arguments must meet; null for the other metrics (arguments are periods, spans, symbols)
     * @param outputs the output names it takes after a dot: an indicator's outputs ({@code value} for
     *     one with a single output), none for the other metrics
     * @param defaultOutput the output meant when none is named; null when one must be named
     */
    record Definition(
            List<Class<? extends Ast.Argument>> kinds,
            List<Ast.Argument> defaults,
            String unit,
            List<IndicatorCatalog.Param> params,
            List<String> outputs,
            String defaultOutput,
            OutputCompute compute) {

        Definition(
                List<Class<? extends Ast.Argument>> kinds, List<Ast.Argument> defaults, String unit, Compute compute) {
            this(kinds, defaults, unit, null, List.of(), null, (c, a, output) -> compute.apply(c, a));
        }

        Double value(Context context, Ast.Metric metric) {
            String output = metric.output() != null ? metric.output() : defaultOutput;
            List<Ast.Argument> arguments = withDefaults(metric);
            if (context.periodFrom() != null) {
                // A span not written is the statement's period.
                for (int i = metric.arguments().size(); i < arguments.size(); i++) {
                    if (kinds.get(i) == Ast.Span.class && defaults.get(i) != LAST_BAR) {
                        arguments.set(i, PERIOD);
                    }
                }
            }
            return compute.apply(context, arguments, output == null ? 0 : Math.max(0, outputs.indexOf(output)));
        }

        List<Ast.Argument> withDefaults(Ast.Metric metric) {
            List<Ast.Argument> arguments = new ArrayList<>(defaults);
            for (int i = 0; i < metric.arguments().size() && i < arguments.size(); i++) {
                arguments.set(i, metric.arguments().get(i));
            }
            return arguments;
        }
    }

    private static final Ast.Span ONE_DAY = new Ast.Span(1, 'd');
    private static final Ast.Span ONE_YEAR = new Ast.Span(1, 'y');
    private static final Ast.Span THIRTY_DAYS = new Ast.Span(30, 'd');

    static final Map<String, Definition> ALL = definitions();

    private Metrics() {}

    static Definition of(Ast.Metric metric) {
        return ALL.get(metric.name());
    }

    /** The outputs a metric takes after a dot, for the parser. */
    private static Definition newsMetric(
            String unit, java.util.function.BiFunction<Context, Ast.Argument, Double> overWindow) {
        return new Definition(
                List.of(Ast.Span.class),
                Arrays.asList(NewsMetrics.SEVEN_DAYS),
                unit,
                (c, a) -> overWindow.apply(c, a.get(0)));
    }

    static List<String> outputs(String name) {
        Definition definition = ALL.get(name);
        return definition == null ? List.of() : definition.outputs();
    }

    /** Arity, argument kinds and ranges, the output; adds the symbols the metric reads to {@code symbols}. */
    static void check(Ast.Metric metric, QueryLimits limits, java.util.Set<String> symbols) {
        Definition definition = of(metric);
        if (metric.arguments().size() > definition.kinds().size()) {
            throw invalid(
                    metric,
                    metric.name() + " takes "
                            + (definition.kinds().isEmpty()
                                    ? "no"
                                    : "at most " + definition.kinds().size())
                            + " arguments" + parameterNames(definition) + "; " + metric.text() + " has "
                            + metric.arguments().size() + ".");
        }
        if (metric.output() == null
                && definition.defaultOutput() == null
                && !definition.outputs().isEmpty()) {
            throw invalid(
                    metric,
                    metric.name() + " has several outputs (" + String.join(", ", definition.outputs())
                            + "): name one, e.g. " + metric.text() + "."
                            + definition.outputs().getFirst() + ".");
        }
        List<Ast.Argument> arguments = definition.withDefaults(metric);
        for (int i = 0; i < arguments.size(); i++) {
            Ast.Argument argument = arguments.get(i);
            if (argument == null) {
                throw invalid(
                        metric,
                        metric.name() + " needs argument " + (i + 1) + ", e.g. " + metric.name() + "(SPY, 1y).");
            }
            Class<? extends Ast.Argument> kind = definition.kinds().get(i);
            if (!kind.isInstance(argument) || (kind == BARS_OR_SPAN && argument instanceof Ast.Symbol)) {
                throw invalid(metric, metric.text() + ": argument " + (i + 1) + " must be " + describe(kind) + ".");
            }
            if (argument instanceof Ast.Number number) {
                checkNumber(metric, definition, i, number.value(), limits);
            }
            if (argument instanceof Ast.Span span) {
                checkSpan(span, limits.maxSpanYears(), metric.text() + ": spans");
            }
            if (argument instanceof Ast.Symbol symbol) {
                symbols.add(symbol.symbol());
            }
        }
    }

    /** An indicator's argument within its parameter's bounds (and periods within the limit); other numbers are periods. */
    private static void checkNumber(
            Ast.Metric metric, Definition definition, int index, double value, QueryLimits limits) {
        if (definition.params() == null) {
            if (value < 1 || value > limits.maxPeriod() || value != Math.rint(value)) {
                throw invalid(
                        metric, metric.text() + ": periods are whole numbers from 1 to " + limits.maxPeriod() + ".");
            }
            return;
        }
        IndicatorCatalog.Param param = definition.params().get(index);
        double max = param.integer() ? Math.min(param.max(), limits.maxPeriod()) : param.max();
        if (!(value >= param.min() && value <= max) || (param.integer() && value != Math.rint(value))) {
            throw invalid(
                    metric,
                    metric.text() + ": " + param.name() + " (argument " + (index + 1) + ") is "
                            + (param.integer() ? "a whole number " : "") + "from " + format(param.min()) + " to "
                            + format(max) + ".");
        }
    }

    private static String parameterNames(Definition definition) {
        return definition.params() == null || definition.params().isEmpty()
                ? ""
                : " ("
                        + String.join(
                                ", ",
                                definition.params().stream()
                                        .map(IndicatorCatalog.Param::name)
                                        .toList()) + ")";
    }

    private static QueryInvalid invalid(Ast.Metric metric, String message) {
        return new QueryInvalid(message, metric.line(), metric.column());
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    static void checkSpan(Ast.Span span, int maxSpanYears, String what) {
        if (span.amount() < 1 || years(span) > maxSpanYears) {
            throw new QueryInvalid(what + " run from 1d to " + maxSpanYears + "y.");
        }
    }

    private static Map<String, Definition> definitions() {
        Map<String, Definition> all = new LinkedHashMap<>();
        all.put(
                "PRICE",
                new Definition(
                        List.of(),
                        List.of(),
                        Units.PRICE,
                        (c, a) -> last(c.bars().closes())));
        // VOLUME is the last bar's volume; VOLUME(7d) FIML's average volume over the span (AVG_VOLUME(7d)).
        all.put(
                "VOLUME",
                new Definition(
                        List.of(Ast.Span.class), List.of(LAST_BAR), Units.VOLUME, (c, a) -> meanVolume(c, a.get(0))));
        all.put("CHANGE", new Definition(List.of(Ast.Span.class), Arrays.asList(ONE_DAY), Units.FRACTION, (c, a) -> {
            int n = Math.min(c.bars().size(), sessions(c, a.get(0)) + 1);
            if (n < 2) {
                return null;
            }
            int lastIndex = c.bars().size() - 1;
            return c.bars().close(lastIndex) / c.bars().close(lastIndex - n + 1) - 1;
        }));
        all.put("PRICE_CHANGE", all.get("CHANGE"));
        all.put(
                "VOLATILITY",
                new Definition(List.of(Ast.Span.class), Arrays.asList(ONE_YEAR), Units.FRACTION, (c, a) -> {
                    double[] closes = tail(c.bars().closes(), sessions(c, a.get(0)) + 1);
                    return closes.length < 3
                            ? null
                            : finite(RiskMetrics.volatility(Returns.simple(closes), c.perYear()));
                }));
        all.put("SHARPE", new Definition(List.of(Ast.Span.class), Arrays.asList(ONE_YEAR), Units.RATIO, (c, a) -> {
            double[] closes = tail(c.bars().closes(), sessions(c, a.get(0)) + 1);
            return closes.length < 3 ? null : finite(RiskMetrics.sharpe(Returns.simple(closes), 0, c.perYear()));
        }));
        all.put(
                "MAX_DRAWDOWN",
                new Definition(List.of(Ast.Span.class), Arrays.asList(ONE_YEAR), Units.FRACTION, (c, a) -> {
                    double[] closes = tail(c.bars().closes(), sessions(c, a.get(0)) + 1);
                    return closes.length < 2
                            ? null
                            : RiskMetrics.maxDrawdown(closes).depth();
                }));
        all.put(
                "AVG_VOLUME",
                new Definition(
                        List.of(Ast.Span.class),
                        Arrays.asList(THIRTY_DAYS),
                        Units.VOLUME,
                        (c, a) -> meanVolume(c, a.get(0))));
        // MOMENTUM(14) counts bars, MOMENTUM(14d) a span's sessions (the same for d; w, m and y scale with
        // the instrument's year): both are the change of the close, a fraction. TA-Lib's difference is MOM.
        all.put(
                "MOMENTUM",
                new Definition(
                        List.of(BARS_OR_SPAN),
                        List.of(new Ast.Number(IndicatorCatalog.ALL
                                .get("MOM")
                                .params()
                                .getFirst()
                                .defaultValue())),
                        Units.FRACTION,
                        (c, a) -> {
                            int n = a.get(0) instanceof Ast.Number bars ? period(bars) : sessions(c, a.get(0));
                            int lastIndex = c.bars().size() - 1;
                            return lastIndex - n < 0
                                    ? null
                                    : finite(
                                            c.bars().close(lastIndex) / c.bars().close(lastIndex - n) - 1);
                        }));
        all.put("SORTINO", new Definition(List.of(Ast.Span.class), Arrays.asList(ONE_YEAR), Units.RATIO, (c, a) -> {
            double[] closes = tail(c.bars().closes(), sessions(c, a.get(0)) + 1);
            return closes.length < 3 ? null : finite(RiskMetrics.sortino(Returns.simple(closes), 0, c.perYear()));
        }));
        // One session's historical value at risk at 95 %: the loss (a positive fraction) one day in twenty exceeds.
        all.put("VAR", new Definition(List.of(Ast.Span.class), Arrays.asList(ONE_YEAR), Units.FRACTION, (c, a) -> {
            double[] closes = tail(c.bars().closes(), sessions(c, a.get(0)) + 1);
            return closes.length < 3
                    ? null
                    : finite(RiskMetrics.valueAtRisk(
                            Returns.simple(closes), VAR_CONFIDENCE, RiskMetrics.Method.HISTORICAL));
        }));
        // The news layer's metrics (NewsMetrics): one window in calendar days, 7 by default.
        all.put("SENTIMENT", newsMetric(NewsMetrics.SENTIMENT_UNIT, NewsMetrics::sentiment));
        all.put("BUZZ", newsMetric(Units.RATIO, NewsMetrics::buzz));
        all.put("NEWS_SCORE", newsMetric(NewsMetrics.SENTIMENT_UNIT, NewsMetrics::newsScore));
        fundamentals(all);
        all.put(
                "LIQUIDITY",
                new Definition(
                        List.of(Ast.Span.class),
                        Arrays.asList(THIRTY_DAYS),
                        Units.DOLLAR_VOLUME,
                        null,
                        List.of("dollarVolume", "amihud"),
                        "dollarVolume",
                        (c, a, output) -> liquidity(c, sessions(c, a.get(0)), output)));
        // Every indicator of the catalog, with its parameters, outputs and unit (GET /api/v1/indicators).
        IndicatorCatalog.ALL.values().forEach(indicator -> all.put(indicator.name(), indicator(indicator)));
        IndicatorCatalog.Definition macd = IndicatorCatalog.ALL.get("MACD");
        all.put(
                "MACD_HIST",
                new Definition(
                        List.copyOf(all.get("MACD").kinds()),
                        all.get("MACD").defaults(),
                        macd.unit(),
                        macd.params(),
                        List.of(),
                        null,
                        (c, a, output) -> lastOutput(c, macd, a, macd.outputs().indexOf("histogram"))));
        all.put(
                "CORRELATE",
                new Definition(
                        List.of(Ast.Symbol.class, Ast.Span.class),
                        Arrays.asList(null, ONE_YEAR),
                        Units.CORRELATION,
                        (c, a) -> {
                            Context other = c.other().apply(((Ast.Symbol) a.get(0)).symbol());
                            Alignment.Aligned aligned = Alignment.closes(List.of(c.bars(), other.bars()));
                            int n = closes(c, a.get(1), aligned.times());
                            if (n < 3) {
                                return null;
                            }
                            double[] mine = Returns.log(tail(aligned.closes()[0], n));
                            double[] theirs = Returns.log(tail(aligned.closes()[1], n));
                            return finite(Correlation.correlation(mine, theirs));
                        }));
        all.put(
                "BETA",
                new Definition(
                        List.of(Ast.Symbol.class, Ast.Span.class),
                        Arrays.asList(new Ast.Symbol("SPY"), ONE_YEAR),
                        Units.COEFFICIENT,
                        (c, a) -> {
                            Context other = c.other().apply(((Ast.Symbol) a.get(0)).symbol());
                            Alignment.Aligned aligned = Alignment.closes(List.of(c.bars(), other.bars()));
                            int n = closes(c, a.get(1), aligned.times());
                            if (n < 3) {
                                return null;
                            }
                            return finite(RiskMetrics.beta(
                                    Returns.simple(tail(aligned.closes()[0], n)),
                                    Returns.simple(tail(aligned.closes()[1], n))));
                        }));
        return Collections.unmodifiableMap(all);
    }

    private static final double VAR_CONFIDENCE = 0.95;

    /** The mean volume of the span's last sessions (for {@link #LAST_BAR}, the last bar's volume). */
    private static Double meanVolume(Context c, Ast.Argument span) {
        int n = Math.min(c.bars().size(), sessions(c, span));
        double total = 0;
        for (int i = c.bars().size() - n; i < c.bars().size(); i++) {
            total += c.bars().volume(i);
        }
        return n == 0 ? null : total / n;
    }

    /**
     * The fundamental metrics, each as of the evaluation date: the figures known from the filings
     * filed by then ({@link PointInTimeFigures}) and the last close by then. A ratio over a
     * non-positive denominator (a loss, negative equity) is not computed: PE of a loss-maker is not
     * "below 20".
     */
    private static void fundamentals(Map<String, Definition> all) {
        all.put("EPS", fundamental(Units.USD_PER_SHARE, (f, close) -> f.dilutedEpsTtm()));
        all.put(
                "PE",
                fundamental(
                        Units.RATIO,
                        (f, close) -> positive(f.dilutedEpsTtm()) ? close / f.dilutedEpsTtm() : Double.NaN));
        all.put(
                "ROE",
                fundamental(
                        Units.FRACTION,
                        (f, close) -> positive(f.equity()) ? f.netIncomeTtm() / f.equity() : Double.NaN));
        all.put("MARKET_CAP", fundamental(Units.USD, (f, close) -> close * f.sharesOutstanding()));
        all.put(
                "PB",
                fundamental(
                        Units.RATIO,
                        (f, close) -> positive(f.equity()) ? close * f.sharesOutstanding() / f.equity() : Double.NaN));
        all.put(
                "PS",
                fundamental(
                        Units.RATIO,
                        (f, close) -> positive(f.revenueTtm())
                                ? close * f.sharesOutstanding() / f.revenueTtm()
                                : Double.NaN));
        all.put(
                "DEBT_TO_EQUITY",
                fundamental(Units.RATIO, (f, close) -> positive(f.equity()) ? f.totalDebt() / f.equity() : Double.NaN));
        all.put("DIVIDEND_YIELD", fundamental(Units.FRACTION, (f, close) -> f.dividendsPerShareTtm() / close));
    }

    @FunctionalInterface
    private interface FromFigures {
        double apply(PointInTimeFigures.Known figures, double close);
    }

    private static Definition fundamental(String unit, FromFigures compute) {
        return new Definition(List.of(), List.of(), unit, (c, a) -> {
            if (c.bars().isEmpty()) {
                return null;
            }
            double close = c.bars().close(c.bars().size() - 1);
            return close > 0 ? finite(compute.apply(c.figures().known(), close)) : null;
        });
    }

    private static boolean positive(double value) {
        return value > 0;
    }

    /**
     * Liquidity over the last {@code n} sessions: the mean value traded per session (close times
     * volume), or Amihud's illiquidity, the mean of |daily return| / value traded over the sessions
     * that traded, per million traded (Amihud 2002, "Illiquidity and stock returns").
     */
    private static Double liquidity(Context context, int n, int output) {
        OhlcvSeries bars = context.bars();
        int count = Math.min(n, bars.size() - (output == 0 ? 0 : 1));
        if (count < 1) {
            return null;
        }
        int from = bars.size() - count;
        double total = 0;
        int sessions = 0;
        for (int i = from; i < bars.size(); i++) {
            double traded = bars.close(i) * bars.volume(i);
            if (output == 0) {
                total += traded;
                sessions++;
            } else if (traded > 0) {
                total += Math.abs(bars.close(i) / bars.close(i - 1) - 1) / (traded / 1e6);
                sessions++;
            }
        }
        return sessions == 0 ? null : finite(total / sessions);
    }

    /**
     * A catalog indicator as a metric: its latest value, computed by the catalog's own computation
     * over the symbol's bars (so it equals the indicator endpoint's value at the same bar). Without
     * a named output, an indicator is its first output: its value, MACD's line, STOCH's k,
     * BBANDS' upper band.
     */
    private static Definition indicator(IndicatorCatalog.Definition indicator) {
        List<Class<? extends Ast.Argument>> kinds = new ArrayList<>();
        List<Ast.Argument> defaults = new ArrayList<>();
        for (IndicatorCatalog.Param param : indicator.params()) {
            kinds.add(Ast.Number.class);
            defaults.add(new Ast.Number(param.defaultValue()));
        }
        boolean single = indicator.outputs().isEmpty();
        List<String> outputs = single ? List.of("value") : indicator.outputs();
        // FIML writes STOCH or BBANDS without an output: the first output is meant (MACD's line, STOCH's k).
        String defaultOutput = outputs.getFirst();
        return new Definition(
                List.copyOf(kinds),
                java.util.Collections.unmodifiableList(defaults),
                indicator.unit(),
                indicator.params(),
                outputs,
                defaultOutput,
                (c, a, output) -> lastOutput(c, indicator, a, output));
    }

    private static Double lastOutput(
            Context context, IndicatorCatalog.Definition indicator, List<Ast.Argument> arguments, int output) {
        Map<String, Double> params = new LinkedHashMap<>();
        for (int i = 0; i < indicator.params().size(); i++) {
            params.put(indicator.params().get(i).name(), ((Ast.Number) arguments.get(i)).value());
        }
        return last(indicator.compute().apply(context.bars(), params).get(output));
    }

    /** Sessions in a span for this instrument: for {@link #PERIOD}, its bars in the period. */
    static int sessions(Context context, Ast.Argument argument) {
        Ast.Span span = (Ast.Span) argument;
        if (span == PERIOD) {
            return context.bars().size() - context.bars().indexAtOrAfter(context.periodFrom());
        }
        double perUnit = switch (span.unit()) {
            case 'd' -> 1;
            case 'w' -> context.perYear() / 52.0;
            case 'm' -> context.perYear() / 12.0;
            default -> context.perYear();
        };
        return (int) Math.round(span.amount() * perUnit);
    }

    /**
     * How many of the last aligned closes a span covers: its sessions and the close before them (for
     * {@link #PERIOD}, the common bars in the period and the one before), at most all of them.
     */
    static int closes(Context context, Ast.Argument span, long[] times) {
        if (span == PERIOD) {
            int first = java.util.Arrays.binarySearch(times, context.periodFrom());
            first = first >= 0 ? first : -first - 1;
            return Math.min(times.length, times.length - first + 1);
        }
        return Math.min(times.length, sessions(context, span) + 1);
    }

    static double years(Ast.Span span) {
        return switch (span.unit()) {
            case 'd' -> span.amount() / 252.0;
            case 'w' -> span.amount() / 52.0;
            case 'm' -> span.amount() / 12.0;
            default -> span.amount();
        };
    }

    static int period(Ast.Argument argument) {
        return (int) ((Ast.Number) argument).value();
    }

    static double[] tail(double[] values, int n) {
        return Arrays.copyOfRange(values, Math.max(0, values.length - n), values.length);
    }

    static Double last(double[] values) {
        return values.length == 0 ? null : finite(values[values.length - 1]);
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String describe(Class<? extends Ast.Argument> kind) {
        if (kind == BARS_OR_SPAN) {
            return "a number of bars such as 14 or a span such as 14d";
        }
        return kind == Ast.Span.class
                ? "a span such as 30d or 1y"
                : kind == Ast.Number.class ? "a whole number" : "a symbol";
    }
}
