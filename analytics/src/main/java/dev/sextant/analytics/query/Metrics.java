package dev.sextant.analytics.query;

import dev.sextant.analytics.Units;
import dev.sextant.analytics.indicators.Ema;
import dev.sextant.analytics.indicators.Macd;
import dev.sextant.analytics.indicators.Rsi;
import dev.sextant.analytics.indicators.Sma;
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

    /** One symbol's bars, its sessions per year, and the other symbols a metric may read. */
    record Context(String symbol, OhlcvSeries bars, int perYear, Function<String, Context> other) {}

    @FunctionalInterface
    interface Compute {
        Double apply(Context context, List<Ast.Argument> arguments);
    }

    /** @param unit the unit of its value ({@link Units}) */
    record Definition(
            List<Class<? extends Ast.Argument>> kinds, List<Ast.Argument> defaults, String unit, Compute compute) {
        Double value(Context context, Ast.Metric metric) {
            return compute.apply(context, withDefaults(metric));
        }

        List<Ast.Argument> withDefaults(Ast.Metric metric) {
            List<Ast.Argument> arguments = new ArrayList<>(defaults);
            for (int i = 0; i < metric.arguments().size(); i++) {
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

    /** Arity, argument kinds and ranges; adds the symbols the metric reads to {@code symbols}. */
    static void check(Ast.Metric metric, QueryLimits limits, java.util.Set<String> symbols) {
        Definition definition = of(metric);
        if (metric.arguments().size() > definition.kinds().size()) {
            throw new QueryInvalid(
                    metric.name() + " takes at most " + definition.kinds().size() + " arguments; " + metric.text()
                            + " has " + metric.arguments().size() + ".");
        }
        List<Ast.Argument> arguments = definition.withDefaults(metric);
        for (int i = 0; i < arguments.size(); i++) {
            Ast.Argument argument = arguments.get(i);
            if (argument == null) {
                throw new QueryInvalid(
                        metric.name() + " needs argument " + (i + 1) + ", e.g. " + metric.name() + "(SPY, 1y).");
            }
            Class<? extends Ast.Argument> kind = definition.kinds().get(i);
            if (!kind.isInstance(argument)) {
                throw new QueryInvalid(metric.text() + ": argument " + (i + 1) + " must be " + describe(kind) + ".");
            }
            if (argument instanceof Ast.Number number
                    && (number.value() < 1
                            || number.value() > limits.maxPeriod()
                            || number.value() != Math.rint(number.value()))) {
                throw new QueryInvalid(
                        metric.text() + ": periods are whole numbers from 1 to " + limits.maxPeriod() + ".");
            }
            if (argument instanceof Ast.Span span) {
                checkSpan(span, limits.maxSpanYears(), metric.text() + ": spans");
            }
            if (argument instanceof Ast.Symbol symbol) {
                symbols.add(symbol.symbol());
            }
        }
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
        all.put(
                "VOLUME",
                new Definition(
                        List.of(),
                        List.of(),
                        Units.VOLUME,
                        (c, a) -> c.bars().isEmpty()
                                ? null
                                : c.bars().volume(c.bars().size() - 1)));
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
                new Definition(List.of(Ast.Span.class), Arrays.asList(THIRTY_DAYS), Units.VOLUME, (c, a) -> {
                    int n = Math.min(c.bars().size(), sessions(c, a.get(0)));
                    double total = 0;
                    for (int i = c.bars().size() - n; i < c.bars().size(); i++) {
                        total += c.bars().volume(i);
                    }
                    return n == 0 ? null : total / n;
                }));
        all.put("RSI", lastOfKernel(14, Units.INDEX_0_TO_100, Rsi::of));
        all.put("SMA", lastOfKernel(30, Units.PRICE, Sma::of));
        all.put("EMA", lastOfKernel(30, Units.PRICE, Ema::of));
        List<Class<? extends Ast.Argument>> macdKinds = List.of(Ast.Number.class, Ast.Number.class, Ast.Number.class);
        List<Ast.Argument> macdDefaults = Arrays.asList(new Ast.Number(12), new Ast.Number(26), new Ast.Number(9));
        all.put(
                "MACD",
                new Definition(
                        macdKinds,
                        macdDefaults,
                        Units.PRICE,
                        (c, a) -> last(macd(c, a).macd())));
        all.put(
                "MACD_HIST",
                new Definition(
                        macdKinds,
                        macdDefaults,
                        Units.PRICE,
                        (c, a) -> last(macd(c, a).histogram())));
        all.put(
                "CORRELATE",
                new Definition(
                        List.of(Ast.Symbol.class, Ast.Span.class),
                        Arrays.asList(null, ONE_YEAR),
                        Units.CORRELATION,
                        (c, a) -> {
                            Context other = c.other().apply(((Ast.Symbol) a.get(0)).symbol());
                            Alignment.Aligned aligned = Alignment.closes(List.of(c.bars(), other.bars()));
                            int n = Math.min(aligned.times().length, sessions(c, a.get(1)) + 1);
                            if (n < 3) {
                                return null;
                            }
                            double[] mine = Returns.log(tail(aligned.closes()[0], n));
                            double[] theirs = Returns.log(tail(aligned.closes()[1], n));
                            return finite(Correlation.correlation(mine, theirs));
                        }));
        return Collections.unmodifiableMap(all);
    }

    /** A kernel over closes with one period, e.g. {@code Rsi::of}. */
    @FunctionalInterface
    private interface PeriodKernel {
        double[] of(double[] closes, int period);
    }

    /** A metric that is the latest value of a one-period kernel over the closes. */
    private static Definition lastOfKernel(int defaultPeriod, String unit, PeriodKernel kernel) {
        return new Definition(
                List.of(Ast.Number.class),
                Arrays.asList(new Ast.Number(defaultPeriod)),
                unit,
                (c, a) -> last(kernel.of(c.bars().closes(), period(a.get(0)))));
    }

    private static Macd.Lines macd(Context c, List<Ast.Argument> a) {
        return Macd.of(c.bars().closes(), period(a.get(0)), period(a.get(1)), period(a.get(2)));
    }

    /** Sessions in a span for this instrument. */
    static int sessions(Context context, Ast.Argument argument) {
        Ast.Span span = (Ast.Span) argument;
        double perUnit = switch (span.unit()) {
            case 'd' -> 1;
            case 'w' -> context.perYear() / 52.0;
            case 'm' -> context.perYear() / 12.0;
            default -> context.perYear();
        };
        return (int) Math.round(span.amount() * perUnit);
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
        return kind == Ast.Span.class
                ? "a span such as 30d or 1y"
                : kind == Ast.Number.class ? "a whole number" : "a symbol";
    }
}
