package dev.sextant.bench;

import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.query.QueryLimits;
import dev.sextant.analytics.series.OhlcvSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 6's SCAN figure: a SCAN with three conditions over 5,000 symbols x 2,520 daily bars
 * already in memory (goal: under 150 ms on 2 cores), text to table: parsing, checking, planning
 * and computing. Two queries: the issue's own, whose first test (RSI below 30) lets few symbols on
 * to the others, and one whose three tests every symbol passes, so all three metrics are computed
 * everywhere.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms4g", "-Xmx4g"})
public class ScanBenchmarks {

    static final int SYMBOLS = 5_000;
    static final int BARS = 2_520;

    QueryEngine engine;
    QueryEngine.Data market;

    @Setup(Level.Trial)
    public void market() {
        Map<String, OhlcvSeries> series = new HashMap<>();
        List<String> symbols = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(2026);
        long firstDay = 1_262_563_200L; // 2010-01-04
        for (int s = 0; s < SYMBOLS; s++) {
            String symbol = "S" + s;
            double price = 10 + random.nextDouble(0, 200);
            double volatility = 0.01 + random.nextDouble(0, 0.03);
            series.put(symbol, RandomWalkBars.walk(random, firstDay, BARS, price, volatility));
            symbols.add(symbol);
        }
        engine = new QueryEngine(QueryLimits.DEFAULTS);
        market = new QueryEngine.Data() {
            @Override
            public QueryEngine.Series series(String symbol) {
                return new QueryEngine.Series(symbol, series.get(symbol), 252);
            }

            @Override
            public Optional<List<String>> universe(String name) {
                return Optional.of(symbols);
            }
        };
    }

    private List<QueryEngine.Table> scan(String query) {
        return engine.run(engine.parse(query), market);
    }

    @Benchmark
    public List<QueryEngine.Table> issueExample() {
        return scan("SCAN universe:all WHERE RSI(14) < 30 AND VOLUME > AVG_VOLUME(30d) * 2 "
                + "AND PRICE_CHANGE(1d) > 5% ORDER BY RSI(14) LIMIT 20");
    }

    @Benchmark
    public List<QueryEngine.Table> everyConditionOnEverySymbol() {
        return scan("SCAN universe:all WHERE RSI(14) < 101 AND VOLATILITY(1y) > 0 AND SMA(200) > 0 "
                + "ORDER BY RSI(14) DESC LIMIT 20");
    }
}
