package dev.sextant.analytics.indicators;

import dev.sextant.analytics.Units;
import dev.sextant.analytics.series.OhlcvSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The indicators the API serves, by TA-Lib name, with their parameters (TA-Lib's names, defaults
 * and bounds) and how each is computed into named output columns aligned with the bars. Every
 * computation is causal: a column's value at a bar depends on that bar and the bars before it only,
 * so the value at a date is the same whatever later bars are handed in.
 */
public final class IndicatorCatalog {

    /** A parameter: its TA-Lib name, default, and the range it must lie in. */
    public record Param(String name, double defaultValue, double min, double max, boolean integer) {}

    /**
     * An indicator: its parameters, the unit of its outputs ({@link Units}; all outputs of one
     * indicator share it) and its computation (one column per output, aligned with the bars).
     */
    public record Definition(
            String name,
            String description,
            String unit,
            List<Param> params,
            List<String> outputs,
            BiFunction<OhlcvSeries, Map<String, Double>, List<double[]>> compute) {}

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
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(Sma.of(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "EMA",
                        "Exponential moving average of closes (seeded by the SMA)",
                        Units.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(Ema.of(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "RSI",
                        "Relative strength index (Wilder)",
                        Units.INDEX_0_TO_100,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(Rsi.of(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "MACD",
                        "MACD line, signal line and histogram",
                        Units.PRICE,
                        List.of(
                                new Param("fast", 12, 2, 1000, true),
                                new Param("slow", 26, 2, 1000, true),
                                new Param("signal", 9, 1, 1000, true)),
                        List.of("macd", "signal", "histogram"),
                        (bars, p) -> {
                            Macd.Lines lines = Macd.of(bars.closes(), i(p, "fast"), i(p, "slow"), i(p, "signal"));
                            return List.of(lines.macd(), lines.signal(), lines.histogram());
                        }));
        add(
                all,
                new Definition(
                        "BBANDS",
                        "Bollinger Bands over the SMA, stddev population standard deviations wide",
                        Units.PRICE,
                        List.of(period(5, 2), STDDEV),
                        List.of("upper", "middle", "lower"),
                        (bars, p) -> {
                            Bollinger.Bands bands =
                                    Bollinger.of(bars.closes(), i(p, "period"), p.get("stddev"), p.get("stddev"));
                            return List.of(bands.upper(), bands.middle(), bands.lower());
                        }));
        add(
                all,
                new Definition(
                        "ATR",
                        "Average true range (Wilder)",
                        Units.PRICE,
                        List.of(period(14, 1)),
                        List.of(),
                        (bars, p) ->
                                List.of(Atr.of(column(bars, 'h'), column(bars, 'l'), bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "WMA",
                        "Weighted moving average of closes (weights 1 to period)",
                        Units.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(Wma.of(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "DEMA",
                        "Double exponential moving average of closes",
                        Units.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(MultipleEma.dema(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "TEMA",
                        "Triple exponential moving average of closes",
                        Units.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(MultipleEma.tema(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "MOM",
                        "Momentum: close minus the close period bars before",
                        Units.PRICE,
                        List.of(period(10, 1)),
                        List.of(),
                        (bars, p) -> List.of(Momentum.mom(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "ROC",
                        "Rate of change of closes, in percent",
                        Units.PERCENT,
                        List.of(period(10, 1)),
                        List.of(),
                        (bars, p) -> List.of(Momentum.roc(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "STDDEV",
                        "Population standard deviation of closes, times stddev",
                        Units.PRICE,
                        List.of(period(5, 2), new Param("stddev", 1, 0.1, 10, false)),
                        List.of(),
                        (bars, p) -> List.of(StdDev.of(bars.closes(), i(p, "period"), p.get("stddev")))));
        add(
                all,
                new Definition(
                        "LINEARREG_SLOPE",
                        "Slope of the least-squares line through the last period closes",
                        Units.PRICE_PER_BAR,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(LinearRegressionSlope.of(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "WILLR",
                        "Williams %R: 0 at the period's highest high, -100 at its lowest low",
                        Units.INDEX_MINUS_100_TO_0,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(
                                WilliamsR.of(column(bars, 'h'), column(bars, 'l'), bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "OBV",
                        "On-balance volume",
                        Units.VOLUME,
                        List.of(),
                        List.of(),
                        (bars, p) -> List.of(Obv.of(bars.closes(), column(bars, 'v')))));
        add(
                all,
                new Definition(
                        "DONCHIAN",
                        "Donchian channel: highest high, lowest low and their midpoint over period bars (not in TA-Lib)",
                        Units.PRICE,
                        List.of(period(20, 1)),
                        List.of("upper", "middle", "lower"),
                        (bars, p) -> {
                            Donchian.Channel channel =
                                    Donchian.of(column(bars, 'h'), column(bars, 'l'), i(p, "period"));
                            return List.of(channel.upper(), channel.middle(), channel.lower());
                        }));
        add(
                all,
                new Definition(
                        "NATR",
                        "Average true range as a percentage of the close",
                        Units.PERCENT,
                        List.of(period(14, 1)),
                        List.of(),
                        (bars, p) ->
                                List.of(Natr.of(column(bars, 'h'), column(bars, 'l'), bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "CCI",
                        "Commodity channel index",
                        Units.INDEX,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) ->
                                List.of(Cci.of(column(bars, 'h'), column(bars, 'l'), bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "MFI",
                        "Money flow index",
                        Units.INDEX_0_TO_100,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(Mfi.of(
                                column(bars, 'h'),
                                column(bars, 'l'),
                                bars.closes(),
                                column(bars, 'v'),
                                i(p, "period")))));
        add(
                all,
                new Definition(
                        "STOCH",
                        "Stochastic oscillator: slow %K and slow %D (simple moving averages)",
                        Units.INDEX_0_TO_100,
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
                        }));
        add(
                all,
                new Definition(
                        "ADX",
                        "Average directional index (Wilder)",
                        Units.INDEX_0_TO_100,
                        List.of(period(14, 2)),
                        List.of(),
                        (bars, p) -> List.of(directional(bars, p).adx())));
        add(
                all,
                new Definition(
                        "PLUS_DI",
                        "Plus directional indicator (Wilder)",
                        Units.INDEX_0_TO_100,
                        List.of(period(14, 1)),
                        List.of(),
                        (bars, p) -> List.of(directional(bars, p).plusDi())));
        add(
                all,
                new Definition(
                        "MINUS_DI",
                        "Minus directional indicator (Wilder)",
                        Units.INDEX_0_TO_100,
                        List.of(period(14, 1)),
                        List.of(),
                        (bars, p) -> List.of(directional(bars, p).minusDi())));
        add(
                all,
                new Definition(
                        "KAMA",
                        "Kaufman adaptive moving average of closes",
                        Units.PRICE,
                        List.of(period(30, 2)),
                        List.of(),
                        (bars, p) -> List.of(Kama.of(bars.closes(), i(p, "period")))));
        add(
                all,
                new Definition(
                        "STOCHRSI",
                        "Stochastic RSI: fast %K and %D of the RSI",
                        Units.INDEX_0_TO_100,
                        List.of(
                                period(14, 2),
                                new Param("fastk", 5, 1, 1000, true),
                                new Param("fastd", 3, 1, 1000, true)),
                        List.of("k", "d"),
                        (bars, p) -> {
                            StochasticRsi.Lines lines =
                                    StochasticRsi.of(bars.closes(), i(p, "period"), i(p, "fastk"), i(p, "fastd"));
                            return List.of(lines.k(), lines.d());
                        }));
        add(
                all,
                new Definition(
                        "KELTNER",
                        "Keltner channel: EMA of closes and multiplier ATRs around it (not in TA-Lib)",
                        Units.PRICE,
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
                        }));
        add(
                all,
                new Definition(
                        "ICHIMOKU",
                        "Ichimoku: tenkan, kijun, senkou A and B at the bar they are computed on (not in TA-Lib)",
                        Units.PRICE,
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
                        }));
        add(
                all,
                new Definition(
                        "VWAP",
                        "Volume-weighted average of the typical price since the start of each UTC day (not in TA-Lib)",
                        Units.PRICE,
                        List.of(),
                        List.of(),
                        (bars, p) -> {
                            long[] times = new long[bars.size()];
                            for (int k = 0; k < times.length; k++) {
                                times[k] = bars.time(k);
                            }
                            return List.of(Vwap.of(
                                    times, column(bars, 'h'), column(bars, 'l'), bars.closes(), column(bars, 'v')));
                        }));
        add(
                all,
                new Definition(
                        "SAR",
                        "Parabolic SAR",
                        Units.PRICE,
                        List.of(
                                new Param("acceleration", 0.02, 0.001, 1, false),
                                new Param("maximum", 0.2, 0.001, 1, false)),
                        List.of(),
                        (bars, p) -> List.of(Sar.of(
                                column(bars, 'h'), column(bars, 'l'), p.get("acceleration"), p.get("maximum")))));
        return java.util.Collections.unmodifiableMap(all);
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
