package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.indicators.Rsi;
import dev.sextant.analytics.risk.Ols;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.analytics.series.Resample;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The query engine over in-memory series, checked against the same numbers computed directly. */
class QueryEngineTest {

    private static final long FIRST_DAY =
            LocalDate.of(2020, 1, 2).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

    /** Daily bars of a random walk, every calendar day (as crypto trades). */
    static OhlcvSeries walk(long seed, int days, double start, double volatility) {
        SplittableRandom random = new SplittableRandom(seed);
        OhlcvSeries.Builder bars = OhlcvSeries.builder(days);
        double price = start;
        for (int i = 0; i < days; i++) {
            double open = price;
            price *= Math.exp(random.nextGaussian() * volatility);
            bars.add(
                    FIRST_DAY + 86_400L * i,
                    open,
                    Math.max(open, price) * 1.002,
                    Math.min(open, price) * 0.998,
                    price,
                    1_000 + random.nextInt(0, 100_000));
        }
        return bars.build();
    }

    /** In-memory data that counts how often each series is asked for. */
    static class Memory implements QueryEngine.Data {
        final Map<String, OhlcvSeries> series = new HashMap<>();
        final Map<String, List<String>> universes = new HashMap<>();
        final Map<String, Integer> asked = new HashMap<>();
        /** Each prefetch call's symbols, and each series asked for, in the order the engine asked. */
        final List<String> calls = new ArrayList<>();

        @Override
        public void prefetch(List<String> symbols, java.time.LocalDate asOf) {
            calls.add("prefetch " + String.join(",", symbols));
        }

        @Override
        public QueryEngine.Series series(String symbol) {
            asked.merge(symbol, 1, Integer::sum);
            calls.add(symbol);
            OhlcvSeries bars = series.get(symbol);
            if (bars == null) {
                throw new IllegalArgumentException("unknown symbol " + symbol);
            }
            return new QueryEngine.Series(symbol, bars, 252);
        }

        @Override
        public Optional<List<String>> universe(String name) {
            return Optional.ofNullable(universes.get(name));
        }
    }

    private static Memory market(int symbols, int days) {
        Memory memory = new Memory();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            String symbol = "S" + i;
            memory.series.put(symbol, walk(i, days, 50 + i, 0.02 + (i % 5) * 0.005));
            all.add(symbol);
        }
        memory.universes.put("all", all);
        return memory;
    }

    private static List<QueryEngine.Table> run(QueryEngine engine, String query, Memory data) {
        return engine.run(engine.parse(query), data);
    }

    @Test
    void test_scan_announcesItsWholeUniverseInOrder_beforeAskingForAnySeries() {
        Memory data = market(5, 100);
        data.universes.put("some", List.of("S3", "S1", "S3", "S4"));
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);

        run(engine, "SCAN universe:some WHERE PRICE > 0; COMPARE S0 vs S2 ON PRICE", data);

        assertThat(data.calls).containsExactly("prefetch S3,S1,S4", "S3", "S1", "S4", "prefetch S0,S2", "S0", "S2");
    }

    @Test
    void test_scan_matchesTheConditionComputedDirectly_andFetchesEachSeriesOnce() {
        Memory data = market(200, 400);
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);

        QueryEngine.Table table = run(
                        engine,
                        "SCAN universe:all WHERE RSI(14) < 45 AND VOLUME > AVG_VOLUME(30d) * 0.5 "
                                + "AND RSI(14) > 20 ORDER BY RSI(14) DESC LIMIT 500",
                        data)
                .getFirst();

        record Expected(String symbol, double rsi) {}
        List<Expected> expected = new ArrayList<>();
        for (String symbol : data.universes.get("all")) {
            OhlcvSeries bars = data.series.get(symbol);
            double[] rsi = Rsi.of(bars.closes(), 14);
            double last = rsi[rsi.length - 1];
            double average = 0;
            for (int i = bars.size() - 30; i < bars.size(); i++) {
                average += bars.volume(i) / 30;
            }
            if (last < 45 && last > 20 && bars.volume(bars.size() - 1) > average * 0.5) {
                expected.add(new Expected(symbol, last));
            }
        }
        expected.sort(Comparator.comparingDouble(Expected::rsi).reversed());
        assertThat(expected).hasSizeBetween(10, 190);
        assertThat(table.columns())
                .extracting(QueryEngine.Column::name)
                .containsExactly("symbol", "RSI(14)", "VOLUME", "AVG_VOLUME(30D)");
        assertThat(table.rows())
                .extracting(row -> row.get(0))
                .containsExactlyElementsOf(
                        expected.stream().map(Expected::symbol).toList());
        assertThat(table.rows())
                .extracting(row -> (Double) row.get(1))
                .containsExactlyElementsOf(expected.stream().map(Expected::rsi).toList());
        assertThat(data.asked)
                .hasSize(200)
                .allSatisfy((symbol, times) -> assertThat(times).isEqualTo(1));
    }

    @Test
    void test_scanOrder_isTheUniverses_whenNotOrdered_andLimitCuts() {
        Memory data = market(100, 300);
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);

        QueryEngine.Table table =
                run(engine, "SCAN universe:all WHERE PRICE > 0 LIMIT 7", data).getFirst();

        assertThat(table.rows())
                .extracting(row -> row.get(0))
                .containsExactly("S0", "S1", "S2", "S3", "S4", "S5", "S6");
    }

    @Test
    void test_macroLatest_givesValueDateAndChangeOverAYear() {
        Memory data = market(1, 800);
        data.series.put("US10Y", walk(7, 800, 2.0, 0.01));
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);

        QueryEngine.Table table = run(engine, "MACRO: US10Y", data).getFirst();

        OhlcvSeries bars = data.series.get("US10Y");
        int last = bars.size() - 1;
        assertThat(table.columns())
                .extracting(QueryEngine.Column::name)
                .containsExactly("symbol", "value", "asOf", "change1y");
        assertThat(table.rows().getFirst().get(1)).isEqualTo(bars.close(last));
        assertThat(table.rows().getFirst().get(2))
                .isEqualTo(LocalDate.of(2020, 1, 2).plusDays(799).toString());
        assertThat((Double) table.rows().getFirst().get(3)).isEqualTo(bars.close(last) - bars.close(last - 365));
    }

    @Test
    void test_macroRegression_isOlsOfMonthlyReturnsOnMonthlyChanges() {
        Memory data = market(1, 1_500);
        data.series.put("SPY", walk(11, 1_500, 300, 0.01));
        data.series.put("US10Y", walk(12, 1_500, 2.0, 0.02));
        data.series.put("VIX", walk(13, 1_500, 20, 0.05));
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);

        QueryEngine.Table table = run(engine, "MACRO: US10Y, VIX -> REGRESSION ON SPY OVER 3y", data)
                .getFirst();

        double[] spy =
                Resample.to(data.series.get("SPY"), BarInterval.ONE_MONTH).closes();
        double[] rates =
                Resample.to(data.series.get("US10Y"), BarInterval.ONE_MONTH).closes();
        double[] vix =
                Resample.to(data.series.get("VIX"), BarInterval.ONE_MONTH).closes();
        int n = 37;
        double[] y = new double[n - 1];
        double[] x1 = new double[n - 1];
        double[] x2 = new double[n - 1];
        for (int t = 1; t < n; t++) {
            int now = spy.length - n + t;
            y[t - 1] = spy[now] / spy[now - 1] - 1;
            x1[t - 1] = rates[now] - rates[now - 1];
            x2[t - 1] = vix[now] - vix[now - 1];
        }
        Ols.Fit fit = Ols.fit(y, x1, x2);
        assertThat(table.rows()).extracting(row -> row.get(0)).containsExactly("INTERCEPT", "US10Y", "VIX");
        for (int i = 0; i < 3; i++) {
            assertThat((Double) table.rows().get(i).get(1)).isCloseTo(fit.coefficients()[i], within(1e-12));
            assertThat((Double) table.rows().get(i).get(3)).isCloseTo(fit.tStatistics()[i], within(1e-9));
        }
        assertThat(table.rows().getFirst().get(5)).isEqualTo(36.0);
    }

    @Test
    void test_limits_areEnforcedBeforeAnythingIsFetched() {
        Memory data = market(20, 100);
        QueryEngine engine = new QueryEngine(new QueryLimits(2, 3, 10, 5, 2, 100, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> engine.parse("EVALUATE S1: PRICE; EVALUATE S2: PRICE; EVALUATE S3: PRICE"))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("at most 2 statements");
        assertThatThrownBy(() -> engine.parse("COMPARE S1 vs S2 vs S3 vs S4 ON PRICE"))
                .hasMessageContaining("at most 3 symbols");
        assertThatThrownBy(() -> engine.parse("EVALUATE S1: VOLATILITY(3y)")).hasMessageContaining("1d to 2y");
        assertThatThrownBy(() -> engine.parse("SCAN universe:all LIMIT 6")).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> engine.parse("EVALUATE S1: SMA(101)")).hasMessageContaining("from 2 to 100");
        assertThatThrownBy(() -> run(engine, "SCAN universe:all WHERE PRICE > 1 LIMIT 5", data))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("at most 10 symbols; all has 20");
        assertThatThrownBy(() -> run(engine, "SCAN universe:none WHERE PRICE > 1 LIMIT 5", data))
                .hasMessageContaining("Unknown universe 'none'");
        assertThat(data.asked).isEmpty();
    }

    @Test
    void test_computeTime_isBudgeted() {
        Memory data = market(3_000, 2_520);
        QueryEngine engine = new QueryEngine(new QueryLimits(10, 50, 5_000, 1_000, 10, 1_000, Duration.ofMillis(1)));

        assertThatThrownBy(() -> run(
                        engine,
                        "SCAN universe:all WHERE RSI(14) < 30 AND MACD(12, 26, 9) > 0 AND SMA(200) > PRICE",
                        data))
                .isInstanceOf(ComputeBudgetExceeded.class)
                .hasMessageContaining("1 ms");
    }

    @Test
    void test_conditionsDeeperThanTheLimit_areRefusedBeforeTheEvaluatorRecurses() {
        Memory data = market(3, 300);
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);
        Ast.Condition price = new Ast.Comparison(new Ast.MetricValue(Ast.State.PRICE), ">", new Ast.Literal(0));
        Ast.Condition deep = price;
        for (int i = 0; i < 5_000; i++) {
            deep = new Ast.And(deep, price);
        }
        Ast.Condition allowed = price;
        for (int i = 1; i < QueryLimits.DEFAULT_MAX_DEPTH; i++) {
            allowed = new Ast.And(allowed, price);
        }

        Ast.Condition tooDeep = deep;
        assertThatThrownBy(() -> engine.run(List.of(new Ast.Scan("all", tooDeep, null, false, 10)), data))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("at most 100 levels");
        assertThat(engine.run(List.of(new Ast.Scan("all", allowed, null, false, 10)), data)
                        .getFirst()
                        .rows())
                .hasSize(3);
        assertThatThrownBy(() ->
                        engine.parse("SCAN universe:all WHERE " + "(".repeat(2_000) + "PRICE > 0" + ")".repeat(2_000)))
                .isInstanceOf(DslSyntaxError.class);
    }
}
