package dev.sextant.marketdata.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.Fundamentals;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo market's synthetic filings: shaped like EDGAR's, deterministic, and causal. */
class DemoFilingsTest {

    private static final LocalDate LAST = LocalDate.of(2025, 6, 11);

    private static DemoInstrument demo(String symbol) {
        return DemoCatalog.instruments().stream()
                .filter(i -> i.symbol().equals(symbol))
                .findFirst()
                .orElseThrow();
    }

    private static List<Fundamentals.Fact> facts(String symbol, LocalDate last) {
        DemoInstrument instrument = demo(symbol);
        OhlcvSeries bars = new DemoPriceModel(instrument).history(last).bars();
        return DemoFilings.facts(instrument, bars);
    }

    @Test
    void test_filings_areDeterministic_andEachIsFiledAfterItsPeriod() {
        List<Fundamentals.Fact> facts = facts("KO", LAST);
        assertThat(facts).isEqualTo(facts("KO", LAST)).isNotEmpty();
        assertThat(facts).allSatisfy(fact -> assertThat(fact.filed()).isAfter(fact.periodEnd()));
    }

    @Test
    void test_aTenQ_reportsTheQuarterAndTheYearToDate_andATenK_theYearAlone() {
        List<Fundamentals.Fact> q2 = facts("KO", LAST).stream()
                .filter(f -> f.concept().equals("EarningsPerShareDiluted"))
                .filter(f -> f.periodEnd().equals(LocalDate.of(2024, 6, 30)))
                .toList();
        assertThat(q2)
                .extracting(Fundamentals.Fact::periodStart)
                .containsExactlyInAnyOrder(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 1, 1));
        assertThat(q2).extracting(Fundamentals.Fact::fiscalPeriod).containsOnly("Q2");
        List<Fundamentals.Fact> year = facts("KO", LAST).stream()
                .filter(f -> f.concept().equals("EarningsPerShareDiluted"))
                .filter(f -> f.periodEnd().equals(LocalDate.of(2024, 12, 31)))
                .toList();
        assertThat(year).extracting(Fundamentals.Fact::periodStart).containsExactly(LocalDate.of(2024, 1, 1));
    }

    @Test
    void test_laterSessions_changeNoFilingAlreadyMade() {
        LocalDate cut = LocalDate.of(2020, 1, 1);
        List<Fundamentals.Fact> then = facts("MSFT", LocalDate.of(2020, 3, 2)).stream()
                .filter(f -> f.periodEnd().isBefore(cut))
                .toList();
        List<Fundamentals.Fact> now = facts("MSFT", LAST).stream()
                .filter(f -> f.periodEnd().isBefore(cut))
                .toList();
        assertThat(then).hasSizeGreaterThan(100).isEqualTo(now);
    }
}
