package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.fundamentals.ReportedFact;
import dev.sextant.analytics.series.Bar;
import dev.sextant.analytics.series.OhlcvSeries;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Fundamental metrics and LIQUIDITY through the query engine, against answers worked out by hand
 * from a small filing history and re-computed here in another way.
 */
class FundamentalMetricsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final QueryEngine ENGINE = new QueryEngine(
            QueryLimits.DEFAULTS, Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));

    /** Daily bars from 2023-01-02 to TODAY, each close {@code start} growing by {@code step} a day. */
    static OhlcvSeries ramp(double start, double step, double volume) {
        OhlcvSeries.Builder bars = OhlcvSeries.builder(1000);
        double close = start;
        for (LocalDate day = LocalDate.of(2023, 1, 2); !day.isAfter(TODAY); day = day.plusDays(1)) {
            bars.add(
                    day.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), close, close * 1.01, close * 0.99, close, volume);
            close += step;
        }
        return bars.build();
    }

    static final class Filings implements QueryEngine.Data {
        final Map<String, OhlcvSeries> bars = new HashMap<>();
        final Map<String, List<ReportedFact>> facts = new HashMap<>();
        final List<String> factsAsked = new ArrayList<>();

        @Override
        public QueryEngine.Series series(String symbol) {
            return new QueryEngine.Series(symbol, bars.get(symbol), 252);
        }

        @Override
        public Optional<List<String>> universe(String name) {
            return name.equals("all") ? Optional.of(List.copyOf(bars.keySet())) : Optional.empty();
        }

        @Override
        public List<ReportedFact> facts(String symbol, LocalDate asOf) {
            factsAsked.add(symbol);
            // Answers every filing, later ones too: the engine must leave those out itself.
            return facts.getOrDefault(symbol, List.of());
        }
    }

    private static ReportedFact fact(
            String concept, String unit, double value, String start, String end, String filed) {
        return new ReportedFact(
                concept,
                unit,
                value,
                start == null ? null : LocalDate.parse(start),
                LocalDate.parse(end),
                "FY",
                LocalDate.parse(filed));
    }

    /** FY 2023 filed 2024-02-15; FY 2024 filed 2025-02-14 (EPS 5, net income 5e9, revenue 50e9...). */
    static List<ReportedFact> acme() {
        return List.of(
                fact("EarningsPerShareDiluted", "USD/shares", 4.0, "2023-01-01", "2023-12-31", "2024-02-15"),
                fact("NetIncomeLoss", "USD", 4e9, "2023-01-01", "2023-12-31", "2024-02-15"),
                fact("Revenues", "USD", 40e9, "2023-01-01", "2023-12-31", "2024-02-15"),
                fact(
                        "CommonStockDividendsPerShareDeclared",
                        "USD/shares",
                        1.0,
                        "2023-01-01",
                        "2023-12-31",
                        "2024-02-15"),
                fact("StockholdersEquity", "USD", 20e9, null, "2023-12-31", "2024-02-15"),
                fact("LongTermDebt", "USD", 10e9, null, "2023-12-31", "2024-02-15"),
                fact("EntityCommonStockSharesOutstanding", "shares", 1e9, null, "2024-01-31", "2024-02-15"),
                fact("EarningsPerShareDiluted", "USD/shares", 5.0, "2024-01-01", "2024-12-31", "2025-02-14"),
                fact("NetIncomeLoss", "USD", 5e9, "2024-01-01", "2024-12-31", "2025-02-14"),
                fact("Revenues", "USD", 50e9, "2024-01-01", "2024-12-31", "2025-02-14"),
                fact(
                        "CommonStockDividendsPerShareDeclared",
                        "USD/shares",
                        1.2,
                        "2024-01-01",
                        "2024-12-31",
                        "2025-02-14"),
                fact("StockholdersEquity", "USD", 25e9, null, "2024-12-31", "2025-02-14"),
                fact("LongTermDebt", "USD", 12.5e9, null, "2024-12-31", "2025-02-14"),
                fact("EntityCommonStockSharesOutstanding", "shares", 0.9e9, null, "2025-01-31", "2025-02-14"),
                // Filed after the evaluation dates below: never seen.
                fact("EarningsPerShareDiluted", "USD/shares", 100.0, "2024-01-01", "2024-12-31", "2025-07-01"));
    }

    private static Filings market() {
        Filings data = new Filings();
        data.bars.put("ACME", ramp(50, 0.05, 1_000_000));
        data.facts.put("ACME", acme());
        return data;
    }

    private static double close(OhlcvSeries bars, LocalDate on) {
        long t = on.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        return bars.close(bars.indexAtOrAfter(t + 1) - 1);
    }

    private static List<Object> row(String query, Filings data) {
        return ENGINE.run(ENGINE.parse(query), data).getFirst().rows().getFirst();
    }

    @Test
    void test_everyFundamentalMetric_isTheFilingKnownThenOverTheCloseThen() {
        Filings data = market();
        String metrics = "PE, EPS, ROE, PB, PS, DEBT_TO_EQUITY, DIVIDEND_YIELD, MARKET_CAP";
        List<Object> now = row("EVALUATE ACME: " + metrics, data);
        double price = close(data.bars.get("ACME"), TODAY);
        double cap = price * 0.9e9;
        assertThat(now.subList(1, now.size()))
                .usingElementComparator(
                        (a, b) -> Math.abs((Double) a - (Double) b) <= 1e-9 * Math.abs((Double) b) ? 0 : 1)
                .containsExactly(price / 5.0, 5.0, 5e9 / 25e9, cap / 25e9, cap / 50e9, 12.5e9 / 25e9, 1.2 / price, cap);

        List<Object> before = row("EVALUATE ACME: PE, MARKET_CAP, DIVIDEND_YIELD AS OF 2024-12-31", data);
        double then = close(data.bars.get("ACME"), LocalDate.of(2024, 12, 31));
        assertThat((Double) before.get(1)).isCloseTo(then / 4.0, within(1e-9));
        assertThat((Double) before.get(2)).isCloseTo(then * 1e9, within(1e-3));
        assertThat((Double) before.get(3)).isCloseTo(1.0 / then, within(1e-12));
    }

    @Test
    void test_beforeTheFirstFiling_fundamentalsAreNotComputed() {
        List<Object> row = row("EVALUATE ACME: PE, EPS AS OF 2024-02-14", market());
        assertThat(row).containsExactly("ACME", null, null);
    }

    @Test
    void test_columnsSayTheirUnits() {
        List<QueryEngine.Column> columns = ENGINE.run(
                        ENGINE.parse("EVALUATE ACME: PE, EPS, ROE, MARKET_CAP, LIQUIDITY, LIQUIDITY.amihud"), market())
                .getFirst()
                .columns();
        assertThat(columns.stream().skip(1).map(QueryEngine.Column::unit))
                .containsExactly(
                        "ratio", "USD per share", "fraction", "USD", "price x volume", "fraction per million traded");
    }

    @Test
    void test_factsAreFetched_onlyForAStatementNamingAFundamentalMetric() {
        Filings data = market();
        ENGINE.run(ENGINE.parse("EVALUATE ACME: PRICE, RSI(14)"), data);
        assertThat(data.factsAsked).isEmpty();
        ENGINE.run(ENGINE.parse("SCAN universe:all WHERE PE < 20"), data);
        assertThat(data.factsAsked).containsExactly("ACME");
    }

    @Test
    void test_scan_onPe_keepsTheSymbolsBelow_andNotLossMakers() {
        Filings data = market();
        data.bars.put("LOSS", ramp(10, 0, 1000));
        data.facts.put(
                "LOSS",
                List.of(fact("EarningsPerShareDiluted", "USD/shares", -2.0, "2024-01-01", "2024-12-31", "2025-02-01")));
        data.bars.put("CHEAP", ramp(10, 0, 1000));
        data.facts.put(
                "CHEAP",
                List.of(fact("EarningsPerShareDiluted", "USD/shares", 2.0, "2024-01-01", "2024-12-31", "2025-02-01")));
        data.bars.put("FUND", ramp(10, 0, 1000)); // no filings
        List<List<Object>> rows = ENGINE.run(ENGINE.parse("SCAN universe:all WHERE PE < 20"), data)
                .getFirst()
                .rows();
        // ACME: ~ (50 + 0.05 * 910) / 5 = 19.1; CHEAP: 10 / 2 = 5.
        assertThat(rows.stream().map(r -> r.getFirst()).sorted().toList()).containsExactly("ACME", "CHEAP");
    }

    /** LIQUIDITY re-computed from the bars as records, sums over a list rather than the engine's loop. */
    @Test
    void test_liquidity_isTheMeanValueTraded_andAmihudsRatio() {
        SplittableRandom random = new SplittableRandom(7);
        OhlcvSeries.Builder builder = OhlcvSeries.builder(100);
        double close = 20;
        for (int i = 0; i < 100; i++) {
            close *= 1 + random.nextDouble(-0.03, 0.03);
            double volume = i % 10 == 3 ? 0 : random.nextDouble(1e5, 1e6);
            builder.add(
                    LocalDate.of(2025, 1, 1)
                            .plusDays(i)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toEpochSecond(),
                    close,
                    close,
                    close,
                    close,
                    volume);
        }
        OhlcvSeries bars = builder.build();
        Filings data = new Filings();
        data.bars.put("X", bars);
        List<Bar> last = new ArrayList<>();
        for (int i = bars.size() - 21; i < bars.size(); i++) {
            last.add(bars.bar(i));
        }
        double dollarVolume = last.subList(1, 21).stream()
                .mapToDouble(b -> b.close() * b.volume())
                .average()
                .orElseThrow();
        List<Double> ratios = new ArrayList<>();
        for (int i = 1; i < last.size(); i++) {
            Bar today = last.get(i);
            if (today.volume() > 0) {
                double move = Math.abs(today.close() - last.get(i - 1).close())
                        / last.get(i - 1).close();
                ratios.add(move / (today.close() * today.volume() / 1e6));
            }
        }
        double amihud =
                ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow();

        List<Object> row = row("EVALUATE X: LIQUIDITY(20d), LIQUIDITY(20d).dollarVolume, LIQUIDITY(20d).amihud", data);
        assertThat((Double) row.get(1)).isCloseTo(dollarVolume, within(1e-6 * dollarVolume));
        assertThat((Double) row.get(2)).isCloseTo(dollarVolume, within(1e-6 * dollarVolume));
        assertThat((Double) row.get(3)).isCloseTo(amihud, within(1e-9 * amihud));
    }

    /** PE is the price over EPS whatever the history, and EPS is PRICE / PE. */
    @Property(tries = 50)
    void pe_isPriceOverEps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int years) {
        SplittableRandom random = new SplittableRandom(seed);
        Filings data = new Filings();
        data.bars.put("R", ramp(random.nextDouble(1, 500), random.nextDouble(-0.01, 0.2), 1000));
        List<ReportedFact> facts = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            int year = 2024 - y;
            facts.add(fact(
                    "EarningsPerShareDiluted",
                    "USD/shares",
                    random.nextDouble(0.01, 20),
                    year + "-01-01",
                    year + "-12-31",
                    (year + 1) + "-02-" + (10 + random.nextInt(10))));
        }
        data.facts.put("R", facts);
        List<Object> row = row("EVALUATE R: PE, PRICE, EPS", data);
        assertThat((Double) row.get(1)).isCloseTo((Double) row.get(2) / (Double) row.get(3), within(1e-9));
        assertThat((Double) row.get(3)).isEqualTo(facts.getFirst().value());
    }
}
