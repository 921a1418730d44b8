package dev.sextant.bench;

import dev.sextant.analytics.query.Ast;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.query.QueryLimits;
import dev.sextant.analytics.series.OhlcvSeries;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 14's figure: {@code ANALYZE X FOR TECHNICALS} on a symbol whose bars are in memory (a
 * cached symbol), text to table: parsing, checking and computing its fifteen metrics and two
 * states over the whole history, as the server does (goal: under 20 ms). With {@code MACRO ->
 * CAUSALITY} beside it, the costliest of the new forms per statement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class FimlBenchmarks {

    /** 10 and 40 years of daily sessions: the demo market's and a long import's history. */
    @Param({"2520", "10080"})
    int bars;

    QueryEngine engine;
    QueryEngine.Data market;

    @Setup(Level.Trial)
    public void market() {
        Map<String, OhlcvSeries> series = new HashMap<>();
        SplittableRandom random = new SplittableRandom(14);
        long firstDay = 315_532_800L; // 1980-01-01
        for (String symbol : List.of("AAPL", "SPY", "US10Y", "CPI", "VIX")) {
            series.put(symbol, RandomWalkBars.walk(random, firstDay, bars, 10 + random.nextDouble(0, 200), 0.015));
        }
        engine = new QueryEngine(QueryLimits.DEFAULTS);
        market = new QueryEngine.Data() {
            @Override
            public QueryEngine.Series series(String symbol) {
                return new QueryEngine.Series(symbol, series.get(symbol), 252);
            }

            @Override
            public Optional<List<String>> universe(String name) {
                return Optional.empty();
            }
        };
    }

    @Benchmark
    public List<QueryEngine.Table> analyzeTechnicals() {
        return engine.run(engine.parse("ANALYZE AAPL FOR TECHNICALS"), market);
    }

    @Benchmark
    public List<Ast.Statement> analyzeTechnicalsParseOnly() {
        return engine.parse("ANALYZE AAPL FOR TECHNICALS");
    }

    @Benchmark
    public List<QueryEngine.Table> macroCausality() {
        return engine.run(engine.parse("MACRO: US10Y, CPI, VIX -> CAUSALITY ON SPY"), market);
    }
}
