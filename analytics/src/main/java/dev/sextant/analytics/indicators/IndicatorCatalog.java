package dev.sextant.analytics.indicators;

import dev.sextant.analytics.Units;
import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.series.OhlcvSeries;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The indicators the API serves, by TA-Lib name, with their parameters (TA-Lib's names, defaults
 * and bounds) and how each is computed into named output columns aligned with the bars. Every
 * computation is causal: a column's value at a bar depends on that bar and the bars before it only,
 * so the value at a date is the same whatever later bars are handed in.
 *
 * <p>The one registry of indicators: the HTTP endpoint, the FK-DSL ({@code query.Metrics}) and the
 * generated table in docs/DSL.md read it. Each entry also gives its lookback, its unstable period
 * and so its warm-up ({@link Definition#warmUp}), and a {@link StreamingIndicator} by name
 * ({@link Definition#stream}) that equals the batch computation bit for bit.
 */
public final class IndicatorCatalog {

    /** A parameter: its TA-Lib name, default, and the range it must lie in. */
    public record Param(String name, double defaultValue, double min, double max, boolean integer) {}

    /**
     * Where a chart draws an indicator: {@link #PRICE} over the bars, on their price scale (moving
     * averages, bands, channels, SAR, VWAP: values that are prices of the instrument), or {@link
     * #PANE} in a pane of its own under them (oscillators, and price-unit values that are not price
     * levels: MACD, ATR, momentum, standard deviation).
     */
    public enum Placement {
        PRICE,
        PANE
    }

    /**
     * How far back an indicator's value depends on the bars beyond its lookback, which decides its
     * unstable period ({@link UnstablePeriod}) and so its warm-up.
     */
    public sealed interface Memory {

        /** The value depends on a window of bars ending at it only: no unstable period. */
        record Window() implements Memory {}

        /** A recursion whose seed fades: {@code bars} gives its unstable period for the parameters. */
        record Decaying(ToIntFunction<Map<String, Double>> bars) implements Memory {}

        /**
         * The value depends on every bar since {@code since} (OBV: the stream's first bar; VWAP:
         * the start of the bar's UTC day), which no count of bars fixes: there is no unstable
         * period to give.
         */
        record Anchored(String since) implements Memory {}
    }

    /**
     * An indicator: its parameters, the unit of its outputs ({@link Units}; all outputs of one
     * indicator share it), where a chart draws it ({@link Placement}), its batch computation (one column per output, aligned with the bars),
     * its lookback (the index of the first value, for every output), its {@link Memory}, and its
     * streaming form: for resolved parameters, a step calling the kernel's own {@code next}.
     * Reach the stream through {@link #stream}, which checks the parameters.
     */
    public record Definition(
            String name,
            String description,
            String unit,
            Placement placement,
            List<Param> params,
            List<String> outputs,
            BiFunction<OhlcvSeries, Map<String, Double>, List<double[]>> compute,
            ToIntFunction<Map<String, Double>> lookbackOf,
            Memory memory,
            Function<Map<String, Double>, StreamingIndicator.Step> streaming) {

        /** The outputs a stream answers: {@link #outputs}, or {@code value} for a single output. */
        public List<String> streamOutputs() {
            return outputs.isEmpty() ? List.of("value") : outputs;
        }

        /**
         * The parameters completed with the defaults of those not given, after checking that each
         * given one is known and within its bounds (and whole where it must be).
         */
        public Map<String, Double> resolve(Map<String, Double> given) {
            Check.notNull(given, "params");
            for (String key : given.keySet()) {
                if (params.stream().noneMatch(param -> param.name().equals(key))) {
                    throw new IllegalArgumentException(name + " takes no parameter '" + key + "'; its parameters: "
                            + params.stream().map(Param::name).toList());
                }
            }
            Map<String, Double> resolved = new LinkedHashMap<>();
            for (Param param : params) {
                Double value = given.get(param.name());
                double v = value == null ? param.defaultValue() : value;
                if (!(v >= param.min() && v <= param.max()) || (param.integer() && v != Math.rint(v))) {
                    throw new IllegalArgumentException(name + "'s '" + param.name() + "' must be "
                            + (param.integer() ? "a whole number " : "") + "from " + param.min() + " to "
                            + param.max() + ", was " + v);
                }
                resolved.put(param.name(), v);
            }
            return Collections.unmodifiableMap(resolved);
        }

        /** Bars before the first value (parameters resolved as by {@link #resolve}). */
        public int lookback(Map<String, Double> params) {
            return lookbackOf.applyAsInt(resolve(params));
        }

        /**
         * Bars after the first value until it no longer depends on where the stream started, to
         * within {@link UnstablePeriod#TOLERANCE}; 0 for a windowed indicator, empty for an anchored
         * one ({@link Memory.Anchored}).
         */
        public OptionalInt unstablePeriod(Map<String, Double> params) {
            Map<String, Double> resolved = resolve(params);
            return switch (memory) {
                case Memory.Window window -> OptionalInt.of(0);
                case Memory.Decaying decaying -> OptionalInt.of(decaying.bars().applyAsInt(resolved));
                case Memory.Anchored anchored -> OptionalInt.empty();
            };
        }

        /**
         * The bars to feed before the first value a caller relies on: lookback plus unstable period.
         * To compute the indicator from a date on, start its stream this many bars before; empty
         * where no count of bars will do ({@link Memory.Anchored}).
         */
        public OptionalInt warmUp(Map<String, Double> params) {
            OptionalInt unstable = unstablePeriod(params);
            return unstable.isPresent() ? OptionalInt.of(lookback(params) + unstable.getAsInt()) : unstable;
        }

        /** A new stream of this indicator, with the given parameters and the defaults of the rest. */
        public StreamingIndicator stream(Map<String, Double> params) {
            Map<String, Double> resolved = resolve(params);
            return StreamingIndicator.of(streamOutputs(), lookbackOf.applyAsInt(resolved), streaming.apply(resolved));
        }
    }

    private static final Memory WINDOW = new Memory.Window();

    private static final Param STDDEV = new Param("stddev", 2, 0.1, 10, false);

    public static final Map<String, Definition> ALL = catalog();

    private IndicatorCatalog() {}

    private static Map<String, Definition> catalog() {
        Map<String, Definition> all = new LinkedHashMap<>();
        add(
                all,
                new Definition(
                        "SMA",
                        "Simple moving average of closes",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(Sma.of(bars.closes(), i(p, "period"))),
                        p -> Sma.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            Sma k = new Sma(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "EMA",
                        "Exponential moving average of closes (seeded by the SMA)",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(Ema.of(bars.closes(), i(p, "period"))),
                        p -> Ema.lookback(i(p, "period")),
                        new Memory.Decaying(p -> UnstablePeriod.ema(i(p, "period"))),
                        p -> {
                            Ema k = new Ema(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "RSI",
                        "Relative strength index (Wilder)",
                        Units.INDEX_0_TO_100,
                        Placement.PANE,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(Rsi.of(bars.closes(), i(p, "period"))),
                        p -> Rsi.lookback(i(p, "period")),
                        new Memory.Decaying(p -> UnstablePeriod.wilder(i(p, "period"))),
                        p -> {
                            Rsi k = new Rsi(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "MACD",
                        "MACD line, signal line and histogram",
                        Units.PRICE,
                        Placement.PANE,
                        List.of(
                                new Param("fast", 12, 2, 1000, true),
                                new Param("slow", 26, 2, 1000, true),
                                new Param("signal", 9, 1, 1000, true)),
                        List.of("macd", "signal", "histogram"),
                        (bars, p) -> {
                            Macd.Lines lines = Macd.of(bars.closes(), i(p, "fast"), i(p, "slow"), i(p, "signal"));
                            return List.of(lines.macd(), lines.signal(), lines.histogram());
                        },
                        p -> Macd.lookback(i(p, "fast"), i(p, "slow"), i(p, "signal")),
                        new Memory.Decaying(p -> UnstablePeriod.ema(Math.max(i(p, "fast"), i(p, "slow")))
                                + UnstablePeriod.ema(i(p, "signal"))),
                        p -> {
                            Macd k = new Macd(i(p, "fast"), i(p, "slow"), i(p, "signal"));
                            return (t, o, h, l, c, v, out) -> {
                                Macd.Point point = k.next(c);
                                out[0] = point.macd();
                                out[1] = point.signal();
                                out[2] = point.histogram();
                            };
                        }));
        add(
                all,
                new Definition(
                        "BBANDS",
                        "Bollinger Bands over the SMA, stddev population standard deviations wide",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(period(5, 2), STDDEV),
                        List.of("upper", "middle", "lower"),
                        (bars, p) -> {
                            Bollinger.Bands bands =
                                    Bollinger.of(bars.closes(), i(p, "period"), p.get("stddev"), p.get("stddev"));
                            return List.of(bands.upper(), bands.middle(), bands.lower());
                        },
                        p -> Bollinger.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            Bollinger k = new Bollinger(i(p, "period"), p.get("stddev"), p.get("stddev"));
                            return (t, o, h, l, c, v, out) -> {
                                Bollinger.Point point = k.next(c);
                                out[0] = point.upper();
                                out[1] = point.middle();
                                out[2] = point.lower();
                            };
                        }));
        add(
                all,
                new Definition(
                        "ATR",
                        "Average true range (Wilder)",
                        Units.PRICE,
                        Placement.PANE,
                        List.of(period(14, 1)),
                        List.of(),
                        (bars, p) ->
                                List.of(Atr.of(column(bars, 'h'), column(bars, 'l'), bars.closes(), i(p, "period"))),
                        p -> Atr.lookback(i(p, "period")),
                        new Memory.Decaying(p -> UnstablePeriod.wilder(i(p, "period"))),
                        p -> {
                            Atr k = new Atr(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(h, l, c);
                        }));
        add(
                all,
                new Definition(
                        "WMA",
                        "Weighted moving average of closes (weights 1 to period)",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(Wma.of(bars.closes(), i(p, "period"))),
                        p -> Wma.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            Wma k = new Wma(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "DEMA",
                        "Double exponential moving average of closes",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(MultipleEma.dema(bars.closes(), i(p, "period"))),
                        p -> MultipleEma.demaLookback(i(p, "period")),
                        new Memory.Decaying(p -> 2 * UnstablePeriod.ema(i(p, "period"))),
                        p -> {
                            MultipleEma k = MultipleEma.dema(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "TEMA",
                        "Triple exponential moving average of closes",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(MultipleEma.tema(bars.closes(), i(p, "period"))),
                        p -> MultipleEma.temaLookback(i(p, "period")),
                        new Memory.Decaying(p -> 3 * UnstablePeriod.ema(i(p, "period"))),
                        p -> {
                            MultipleEma k = MultipleEma.tema(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "MOM",
                        "Momentum: close minus the close period bars before",
                        Units.PRICE,
                        Placement.PANE,
                        List.of(period(10, 1)),
                        List.of(),
                        (bars, p) -> List.of(Momentum.mom(bars.closes(), i(p, "period"))),
                        p -> Momentum.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            Momentum k = Momentum.mom(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "ROC",
                        "Rate of change of closes, in percent",
                        Units.PERCENT,
                        Placement.PANE,
                        List.of(period(10, 1)),
                        List.of(),
                        (bars, p) -> List.of(Momentum.roc(bars.closes(), i(p, "period"))),
                        p -> Momentum.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            Momentum k = Momentum.roc(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "STDDEV",
                        "Population standard deviation of closes, times stddev",
                        Units.PRICE,
                        Placement.PANE,
                        List.of(period(5, 2), new Param("stddev", 1, 0.1, 10, false)),
                        List.of(),
                        (bars, p) -> List.of(StdDev.of(bars.closes(), i(p, "period"), p.get("stddev"))),
                        p -> StdDev.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            StdDev k = new StdDev(i(p, "period"), p.get("stddev"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "LINEARREG_SLOPE",
                        "Slope of the least-squares line through the last period closes",
                        Units.PRICE_PER_BAR,
                        Placement.PANE,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(LinearRegressionSlope.of(bars.closes(), i(p, "period"))),
                        p -> LinearRegressionSlope.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            LinearRegressionSlope k = new LinearRegressionSlope(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "WILLR",
                        "Williams %R: 0 at the period's highest high, -100 at its lowest low",
                        Units.INDEX_MINUS_100_TO_0,
                        Placement.PANE,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(
                                WilliamsR.of(column(bars, 'h'), column(bars, 'l'), bars.closes(), i(p, "period"))),
                        p -> WilliamsR.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            WilliamsR k = new WilliamsR(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(h, l, c);
                        }));
        add(
                all,
                new Definition(
                        "OBV",
                        "On-balance volume",
                        Units.VOLUME,
                        Placement.PANE,
                        List.of(),
                        List.of(),
                        (bars, p) -> List.of(Obv.of(bars.closes(), column(bars, 'v'))),
                        p -> 0,
                        new Memory.Anchored("the stream's first bar"),
                        p -> {
                            Obv k = new Obv();
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c, v);
                        }));
        add(
                all,
                new Definition(
                        "DONCHIAN",
                        "Donchian channel: highest high, lowest low and their midpoint over period bars (not in TA-Lib)",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(period(20, 1)),
                        List.of("upper", "middle", "lower"),
                        (bars, p) -> {
                            Donchian.Channel channel =
                                    Donchian.of(column(bars, 'h'), column(bars, 'l'), i(p, "period"));
                            return List.of(channel.upper(), channel.middle(), channel.lower());
                        },
                        p -> Donchian.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            Donchian k = new Donchian(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> {
                                Donchian.Point point = k.next(h, l);
                                out[0] = point.upper();
                                out[1] = point.middle();
                                out[2] = point.lower();
                            };
                        }));
        add(
                all,
                new Definition(
                        "NATR",
                        "Average true range as a percentage of the close",
                        Units.PERCENT,
                        Placement.PANE,
                        List.of(period(14, 1)),
                        List.of(),
                        (bars, p) ->
                                List.of(Natr.of(column(bars, 'h'), column(bars, 'l'), bars.closes(), i(p, "period"))),
                        p -> Natr.lookback(i(p, "period")),
                        new Memory.Decaying(p -> UnstablePeriod.wilder(i(p, "period"))),
                        p -> {
                            Natr k = new Natr(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(h, l, c);
                        }));
        add(
                all,
                new Definition(
                        "CCI",
                        "Commodity channel index",
                        Units.INDEX,
                        Placement.PANE,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) ->
                                List.of(Cci.of(column(bars, 'h'), column(bars, 'l'), bars.closes(), i(p, "period"))),
                        p -> Cci.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            Cci k = new Cci(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(h, l, c);
                        }));
        add(
                all,
                new Definition(
                        "MFI",
                        "Money flow index",
                        Units.INDEX_0_TO_100,
                        Placement.PANE,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(Mfi.of(
                                column(bars, 'h'),
                                column(bars, 'l'),
                                bars.closes(),
                                column(bars, 'v'),
                                i(p, "period"))),
                        p -> Mfi.lookback(i(p, "period")),
                        WINDOW,
                        p -> {
                            Mfi k = new Mfi(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(h, l, c, v);
                        }));
        add(
                all,
                new Definition(
                        "STOCH",
                        "Stochastic oscillator: slow %K and slow %D (simple moving averages)",
                        Units.INDEX_0_TO_100,
                        Placement.PANE,
                        List.of(
                                new Param("fastk", 5, 1, 1000, true),
                                new Param("slowk", 3, 1, 1000, true),
                                new Param("slowd", 3, 1, 1000, true)),
                        List.of("k", "d"),
                        (bars, p) -> {
                            Stochastic.Lines lines = Stochastic.of(
                                    column(bars, 'h'),
                                    column(bars, 'l'),
                                    bars.closes(),
                                    i(p, "fastk"),
                                    i(p, "slowk"),
                                    i(p, "slowd"));
                            return List.of(lines.k(), lines.d());
                        },
                        p -> Stochastic.lookback(i(p, "fastk"), i(p, "slowk"), i(p, "slowd")),
                        WINDOW,
                        p -> {
                            Stochastic k = new Stochastic(i(p, "fastk"), i(p, "slowk"), i(p, "slowd"));
                            return (t, o, h, l, c, v, out) -> {
                                Stochastic.Point point = k.next(h, l, c);
                                out[0] = point.k();
                                out[1] = point.d();
                            };
                        }));
        add(
                all,
                new Definition(
                        "ADX",
                        "Average directional index (Wilder)",
                        Units.INDEX_0_TO_100,
                        Placement.PANE,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(directional(bars, p).adx()),
                        p -> Directional.adxLookback(i(p, "period")),
                        new Memory.Decaying(p -> 2 * UnstablePeriod.wilder(i(p, "period"))),
                        p -> {
                            Directional k = new Directional(i(p, "period"));
                            return (t, o, h, l, c, v, out) ->
                                    out[0] = k.next(h, l, c).adx();
                        }));
        add(
                all,
                new Definition(
                        "PLUS_DI",
                        "Plus directional indicator (Wilder)",
                        Units.INDEX_0_TO_100,
                        Placement.PANE,
                        List.of(period(14, 1)),
                        List.of(),
                        (bars, p) -> List.of(directional(bars, p).plusDi()),
                        p -> Directional.diLookback(i(p, "period")),
                        new Memory.Decaying(p -> UnstablePeriod.wilder(i(p, "period"))),
                        p -> {
                            Directional k = new Directional(i(p, "period"));
                            return (t, o, h, l, c, v, out) ->
                                    out[0] = k.next(h, l, c).plusDi();
                        }));
        add(
                all,
                new Definition(
                        "MINUS_DI",
                        "Minus directional indicator (Wilder)",
                        Units.INDEX_0_TO_100,
                        Placement.PANE,
                        List.of(period(14, 1)),
                        List.of(),
                        (bars, p) -> List.of(directional(bars, p).minusDi()),
                        p -> Directional.diLookback(i(p, "period")),
                        new Memory.Decaying(p -> UnstablePeriod.wilder(i(p, "period"))),
                        p -> {
                            Directional k = new Directional(i(p, "period"));
                            return (t, o, h, l, c, v, out) ->
                                    out[0] = k.next(h, l, c).minusDi();
                        }));
        add(
                all,
                new Definition(
                        "KAMA",
                        "Kaufman adaptive moving average of closes",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(Kama.of(bars.closes(), i(p, "period"))),
                        p -> Kama.lookback(i(p, "period")),
                        new Memory.Decaying(p -> Kama.unstablePeriod()),
                        p -> {
                            Kama k = new Kama(i(p, "period"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(c);
                        }));
        add(
                all,
                new Definition(
                        "STOCHRSI",
                        "Stochastic RSI: fast %K and %D of the RSI",
                        Units.INDEX_0_TO_100,
                        Placement.PANE,
                        List.of(
                                period(14, 2),
                                new Param("fastk", 5, 1, 1000, true),
                                new Param("fastd", 3, 1, 1000, true)),
                        List.of("k", "d"),
                        (bars, p) -> {
                            StochasticRsi.Lines lines =
                                    StochasticRsi.of(bars.closes(), i(p, "period"), i(p, "fastk"), i(p, "fastd"));
                            return List.of(lines.k(), lines.d());
                        },
                        p -> StochasticRsi.lookback(i(p, "period"), i(p, "fastk"), i(p, "fastd")),
                        new Memory.Decaying(p -> StochasticRsi.unstablePeriod(i(p, "period"), i(p, "fastk"))),
                        p -> {
                            StochasticRsi k = new StochasticRsi(i(p, "period"), i(p, "fastk"), i(p, "fastd"));
                            return (t, o, h, l, c, v, out) -> {
                                StochasticRsi.Point point = k.next(c);
                                out[0] = point.k();
                                out[1] = point.d();
                            };
                        }));
        add(
                all,
                new Definition(
                        "KELTNER",
                        "Keltner channel: EMA of closes and multiplier ATRs around it (not in TA-Lib)",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(period(20, 1), new Param("multiplier", 2, 0.1, 10, false)),
                        List.of("upper", "middle", "lower"),
                        (bars, p) -> {
                            Keltner.Channel channel = Keltner.of(
                                    column(bars, 'h'),
                                    column(bars, 'l'),
                                    bars.closes(),
                                    i(p, "period"),
                                    p.get("multiplier"));
                            return List.of(channel.upper(), channel.middle(), channel.lower());
                        },
                        p -> Keltner.lookback(i(p, "period")),
                        new Memory.Decaying(p ->
                                Math.max(UnstablePeriod.ema(i(p, "period")), UnstablePeriod.wilder(i(p, "period")))),
                        p -> {
                            Keltner k = new Keltner(i(p, "period"), p.get("multiplier"));
                            return (t, o, h, l, c, v, out) -> {
                                Keltner.Point point = k.next(h, l, c);
                                out[0] = point.upper();
                                out[1] = point.middle();
                                out[2] = point.lower();
                            };
                        }));
        add(
                all,
                new Definition(
                        "ICHIMOKU",
                        "Ichimoku: tenkan, kijun, senkou A and B at the bar they are computed on (not in TA-Lib)",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(
                                new Param("tenkan", 9, 1, 1000, true),
                                new Param("kijun", 26, 1, 1000, true),
                                new Param("senkou", 52, 1, 1000, true)),
                        List.of("tenkan", "kijun", "senkouA", "senkouB"),
                        (bars, p) -> {
                            Ichimoku.Lines lines = Ichimoku.of(
                                    column(bars, 'h'),
                                    column(bars, 'l'),
                                    i(p, "tenkan"),
                                    i(p, "kijun"),
                                    i(p, "senkou"));
                            return List.of(lines.tenkan(), lines.kijun(), lines.senkouA(), lines.senkouB());
                        },
                        p -> Ichimoku.lookback(i(p, "tenkan"), i(p, "kijun"), i(p, "senkou")),
                        WINDOW,
                        p -> {
                            Ichimoku k = new Ichimoku(i(p, "tenkan"), i(p, "kijun"), i(p, "senkou"));
                            return (t, o, h, l, c, v, out) -> {
                                Ichimoku.Point point = k.next(h, l);
                                out[0] = point.tenkan();
                                out[1] = point.kijun();
                                out[2] = point.senkouA();
                                out[3] = point.senkouB();
                            };
                        }));
        add(
                all,
                new Definition(
                        "VWAP",
                        "Volume-weighted average of the typical price since the start of each UTC day (not in TA-Lib)",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(),
                        List.of(),
                        (bars, p) -> {
                            long[] times = new long[bars.size()];
                            for (int k = 0; k < times.length; k++) {
                                times[k] = bars.time(k);
                            }
                            return List.of(Vwap.of(
                                    times, column(bars, 'h'), column(bars, 'l'), bars.closes(), column(bars, 'v')));
                        },
                        p -> 0,
                        new Memory.Anchored("the start of the bar's UTC day"),
                        p -> {
                            Vwap k = new Vwap();
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(t, h, l, c, v);
                        }));
        add(
                all,
                new Definition(
                        "SAR",
                        "Parabolic SAR",
                        Units.PRICE,
                        Placement.PRICE,
                        List.of(
                                new Param("acceleration", 0.02, 0.001, 1, false),
                                new Param("maximum", 0.2, 0.001, 1, false)),
                        List.of(),
                        (bars, p) -> List.of(
                                Sar.of(column(bars, 'h'), column(bars, 'l'), p.get("acceleration"), p.get("maximum"))),
                        p -> Sar.lookback(),
                        new Memory.Decaying(p -> Sar.unstablePeriod(p.get("acceleration"), p.get("maximum"))),
                        p -> {
                            Sar k = new Sar(p.get("acceleration"), p.get("maximum"));
                            return (t, o, h, l, c, v, out) -> out[0] = k.next(h, l);
                        }));
        return Collections.unmodifiableMap(all);
    }

    private static void add(Map<String, Definition> all, Definition definition) {
        all.put(definition.name(), definition);
    }

    private static Param period(double defaultValue, double min) {
        return new Param("period", defaultValue, min, 1000, true);
    }

    private static int i(Map<String, Double> params, String name) {
        return (int) Math.round(params.get(name));
    }

    private static Directional.Lines directional(OhlcvSeries bars, Map<String, Double> params) {
        return Directional.of(column(bars, 'h'), column(bars, 'l'), bars.closes(), i(params, "period"));
    }

    private static double[] column(OhlcvSeries bars, char which) {
        double[] values = new double[bars.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = switch (which) {
                case 'h' -> bars.high(k);
                case 'l' -> bars.low(k);
                default -> bars.volume(k);
            };
        }
        return values;
    }
}
