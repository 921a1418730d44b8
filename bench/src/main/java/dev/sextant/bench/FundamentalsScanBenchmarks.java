package dev.sextant.bench;

import dev.sextant.analytics.fundamentals.ReportedFact;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.query.QueryLimits;
import dev.sextant.analytics.series.OhlcvSeries;
import java.time.LocalDate;
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
 * Issue 14's fundamentals SCAN: {@code SCAN NASDAQ WHERE PE < 20 AND RSI(14) < 30} over 5,000
 * symbols, each with 2,520 daily bars and ten years of EDGAR-shaped quarterly filings (10-Qs with
 * the quarter and the year to date, 10-Ks with the year, balances and cover-page shares: about 380
 * facts a symbol) in memory, text to table (goal: under 200 ms). The facts of every symbol are
 * worked out point in time on each run, as a query does; the variant with {@code PE > 0} first
 * computes PE for all and RSI for all that report earnings; {@code rsiAlone} and {@code peAlone}
 * split the cost between the bars and the facts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms4g", "-Xmx4g"})
public class FundamentalsScanBenchmarks {

    static final int SYMBOLS = 5_000;
    static final int BARS = 2_520;
    static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 4);

    QueryEngine engine;
    QueryEngine.Data market;

    @Setup(Level.Trial)
    public void market() {
        Map<String, OhlcvSeries> series = new HashMap<>();
        Map<String, List<ReportedFact>> filings = new HashMap<>();
        List<String> symbols = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(2026);
        long firstDay = FIRST_DAY.toEpochDay() * 86_400L;
        for (int s = 0; s < SYMBOLS; s++) {
            String symbol = "S" + s;
            double start = 10 + random.nextDouble(0, 200);
            double volatility = 0.01 + random.nextDouble(0, 0.03);
            OhlcvSeries bars = RandomWalkBars.walk(random, firstDay, BARS, start, volatility);
            double price = bars.close(bars.size() - 1);
            series.put(symbol, bars);
            // Quarterly EPS around a twentieth to a sixtieth of the final price a quarter: PE 5 to 60.
            filings.put(symbol, filings(random, price / random.nextDouble(5, 60) / 4));
            symbols.add(symbol);
        }
        LocalDate lastDay = FIRST_DAY.plusDays(BARS - 1);
        engine = new QueryEngine(
                QueryLimits.DEFAULTS,
                java.time.Clock.fixed(
                        lastDay.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC));
        market = new QueryEngine.Data() {
            @Override
            public QueryEngine.Series series(String symbol) {
                return new QueryEngine.Series(symbol, series.get(symbol), 252);
            }

            @Override
            public Optional<List<String>> universe(String name) {
                return Optional.of(symbols);
            }

            @Override
            public List<ReportedFact> facts(String symbol, LocalDate asOf) {
                return filings.get(symbol);
            }
        };
    }

    /** Ten years of a calendar-year filer's 10-Qs and 10-Ks, as EDGAR company facts hold them. */
    static List<ReportedFact> filings(SplittableRandom random, double eps) {
        List<ReportedFact> facts = new ArrayList<>();
        String[] flows = {"EarningsPerShareDiluted", "NetIncomeLoss", "Revenues", "CommonStockDividendsPerShareDeclared"
        };
        String[] units = {"USD/shares", "USD", "USD", "USD/shares"};
        double[] scale = {1, 1e9, 8e9, 0.3};
        for (int year = 2016; year < 2026; year++) {
            double[] toDate = new double[flows.length];
            for (int q = 0; q < 4; q++) {
                LocalDate start = LocalDate.of(year, 3 * q + 1, 1);
                LocalDate end = start.plusMonths(3).minusDays(1);
                LocalDate filed = end.plusDays(q == 3 ? 55 : 40);
                String fp = q == 3 ? "FY" : "Q" + (q + 1);
                for (int f = 0; f < flows.length; f++) {
                    double value = eps * scale[f] * (1 + 0.1 * random.nextGaussian());
                    toDate[f] += value;
                    if (q < 3) {
                        facts.add(new ReportedFact(flows[f], units[f], value, start, end, fp, filed));
                    }
                    if (q > 0) {
                        facts.add(new ReportedFact(
                                flows[f], units[f], toDate[f], LocalDate.of(year, 1, 1), end, fp, filed));
                    }
                }
                facts.add(new ReportedFact("StockholdersEquity", "USD", 20e9 * eps, null, end, fp, filed));
                facts.add(new ReportedFact("LongTermDebt", "USD", 8e9 * eps, null, end, fp, filed));
                facts.add(new ReportedFact(
                        "EntityCommonStockSharesOutstanding", "shares", 1e9, null, filed.minusDays(10), fp, filed));
            }
        }
        return facts;
    }

    private List<QueryEngine.Table> scan(String query) {
        return engine.run(engine.parse(query), market);
    }

    @Benchmark
    public List<QueryEngine.Table> peAndRsi() {
        return scan("SCAN NASDAQ WHERE PE < 20 AND RSI(14) < 30");
    }

    /** The same universe without fundamentals: what the facts add is the difference. */
    @Benchmark
    public List<QueryEngine.Table> rsiAlone() {
        return scan("SCAN NASDAQ WHERE RSI(14) < 30");
    }

    @Benchmark
    public List<QueryEngine.Table> peAlone() {
        return scan("SCAN NASDAQ WHERE PE < 20");
    }

    @Benchmark
    public List<QueryEngine.Table> peAndRsiOnEverySymbol() {
        return scan("SCAN NASDAQ WHERE PE > 0 AND RSI(14) < 101");
    }
}
