package dev.sextant.analytics.fundamentals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of point-in-time figures over random filing histories. */
class PointInTimeFiguresPropertiesTest {

    /** A filer reporting every quarter (3 months) of {@code quarters} quarters from 2015, each filed 35 to 60 days later. */
    private static List<ReportedFact> quarterly(long seed, int quarters, double[] values) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ReportedFact> facts = new ArrayList<>();
        LocalDate start = LocalDate.of(2015, 1, 1);
        for (int i = 0; i < quarters; i++) {
            LocalDate end = start.plusMonths(3).minusDays(1);
            values[i] = random.nextDouble(-2, 5);
            LocalDate filed = end.plusDays(random.nextInt(35, 61));
            facts.add(new ReportedFact("EarningsPerShareDiluted", "USD/shares", values[i], start, end, "Q1", filed));
            facts.add(new ReportedFact("StockholdersEquity", "USD", 1e9 + i, null, end, "Q1", filed));
            start = end.plusDays(1);
        }
        return facts;
    }

    @Property(tries = 200)
    void filingsAfterTheDate_changeNothingKnownOnIt(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int quarters,
            @ForAll @IntRange(min = 0, max = 4000) int day) {
        List<ReportedFact> facts = quarterly(seed, quarters, new double[quarters]);
        LocalDate asOf = LocalDate.of(2015, 1, 1).plusDays(day);
        List<ReportedFact> withLater = new ArrayList<>(facts);
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        for (ReportedFact fact : facts) {
            // Restatements and new facts, all filed after the date.
            withLater.add(new ReportedFact(
                    fact.concept(),
                    fact.unit(),
                    fact.value() * 10 + 1,
                    fact.periodStart(),
                    fact.periodEnd(),
                    "FY",
                    asOf.plusDays(random.nextInt(1, 400))));
        }
        assertThat(PointInTimeFigures.of(withLater, asOf)).isEqualTo(PointInTimeFigures.of(facts, asOf));
    }

    @Property(tries = 200)
    void ttm_ofAQuarterlyFiler_isTheSumOfTheLastFourQuartersFiled(
            @ForAll long seed, @ForAll @IntRange(min = 4, max = 40) int quarters) {
        double[] values = new double[quarters];
        List<ReportedFact> facts = quarterly(seed, quarters, values);
        LocalDate asOf = facts.getLast().filed();
        double expected = values[quarters - 1] + values[quarters - 2] + values[quarters - 3] + values[quarters - 4];
        assertThat(PointInTimeFigures.of(facts, asOf).dilutedEpsTtm()).isCloseTo(expected, within(1e-9));
    }
}
