package dev.sextant.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.series.OhlcvSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The live price as today's close on daily bars. */
class LiveBarsTest {

    private static long day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static final OhlcvSeries DAILY = OhlcvSeries.builder(2)
            .add(day("2025-06-09"), 10, 12, 9, 11, 1000)
            .add(day("2025-06-10"), 11, 13, 10, 12, 2000)
            .build();

    @Test
    void test_aPriceOfTheLastBarsDay_closesIt_andWidensItsRange() {
        OhlcvSeries above = LiveBars.withLivePrice(DAILY, 14, Instant.parse("2025-06-10T15:30:00Z"));
        OhlcvSeries inside = LiveBars.withLivePrice(DAILY, 11.5, Instant.parse("2025-06-10T15:30:00Z"));

        assertThat(above.size()).isEqualTo(2);
        assertThat(above.bar(1))
                .isEqualTo(OhlcvSeries.builder(1)
                        .add(day("2025-06-10"), 11, 14, 10, 14, 2000)
                        .build()
                        .bar(0));
        assertThat(inside.bar(1))
                .isEqualTo(OhlcvSeries.builder(1)
                        .add(day("2025-06-10"), 11, 13, 10, 11.5, 2000)
                        .build()
                        .bar(0));
        assertThat(above.bar(0)).isEqualTo(DAILY.bar(0));
        assertThat(DAILY.close(1)).as("the bars given are not changed").isEqualTo(12);
    }

    @Test
    void test_aPriceOfALaterDay_isANewBar_withoutVolume() {
        OhlcvSeries live = LiveBars.withLivePrice(DAILY, 12.5, Instant.parse("2025-06-11T14:00:00Z"));

        assertThat(live.size()).isEqualTo(3);
        assertThat(live.time(2)).isEqualTo(day("2025-06-11"));
        assertThat(new double[] {live.open(2), live.high(2), live.low(2), live.close(2), live.volume(2)})
                .containsExactly(12.5, 12.5, 12.5, 12.5, 0);
    }

    @Test
    void test_aStalePrice_ofAnEarlierDay_leavesTheBars() {
        assertThat(LiveBars.withLivePrice(DAILY, 99, Instant.parse("2025-06-09T14:00:00Z")))
                .isSameAs(DAILY);
    }

    @Test
    void test_noBarsYet_theLivePriceIsTheOnlyBar() {
        OhlcvSeries live = LiveBars.withLivePrice(OhlcvSeries.empty(), 7, Instant.parse("2025-06-11T14:00:00Z"));

        assertThat(live.size()).isEqualTo(1);
        assertThat(live.close(0)).isEqualTo(7);
    }
}
