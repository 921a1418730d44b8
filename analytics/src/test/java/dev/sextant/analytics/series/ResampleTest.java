package dev.sextant.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResampleTest {

    private static long utc(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ZoneOffset.UTC)
                .toEpochSecond();
    }

    @Test
    void test_minutesToHours_aggregatesEachHour() {
        OhlcvSeries minutes = OhlcvSeries.builder(4)
                .add(utc(2025, 6, 11, 13, 30), 10, 12, 9, 11, 100)
                .add(utc(2025, 6, 11, 13, 59), 11, 15, 10, 14, 50)
                .add(utc(2025, 6, 11, 14, 0), 14, 14, 8, 9, 10)
                .add(utc(2025, 6, 11, 16, 5), 9, 10, 9, 10, 1)
                .build();

        OhlcvSeries hours = Resample.to(minutes, BarInterval.ONE_HOUR);

        assertThat(hours.size()).as("the empty 15:00 hour stays a gap").isEqualTo(3);
        assertThat(hours.time(0)).isEqualTo(utc(2025, 6, 11, 13, 0));
        assertThat(new double[] {hours.open(0), hours.high(0), hours.low(0), hours.close(0), hours.volume(0)})
                .containsExactly(10, 15, 9, 14, 150);
        assertThat(hours.time(1)).isEqualTo(utc(2025, 6, 11, 14, 0));
        assertThat(hours.close(1)).isEqualTo(9);
        assertThat(hours.time(2)).isEqualTo(utc(2025, 6, 11, 16, 0));
    }

    @Test
    void test_daysToWeeksAndMonths_useCalendarPeriods() {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(60);
        // Every day from Friday 2025-05-30 to 2025-07-03.
        for (long t = utc(2025, 5, 30, 0, 0); t <= utc(2025, 7, 3, 0, 0); t += 86_400) {
            double price = 100 + (t / 86_400) % 10;
            builder.add(t, price, price + 1, price - 1, price, 1);
        }
        OhlcvSeries days = builder.build();

        OhlcvSeries weeks = Resample.to(days, BarInterval.ONE_WEEK);
        OhlcvSeries months = Resample.to(days, BarInterval.ONE_MONTH);

        assertThat(Instant.ofEpochSecond(weeks.time(0))).isEqualTo("2025-05-26T00:00:00Z");
        assertThat(weeks.volume(0)).as("Friday to Sunday").isEqualTo(3);
        assertThat(Instant.ofEpochSecond(weeks.time(1))).isEqualTo("2025-06-02T00:00:00Z");
        assertThat(weeks.volume(1)).isEqualTo(7);
        assertThat(months.size()).isEqualTo(3);
        assertThat(Instant.ofEpochSecond(months.time(1))).isEqualTo("2025-06-01T00:00:00Z");
        assertThat(months.volume(1)).isEqualTo(30);
        assertThat(months.open(1)).isEqualTo(days.open(2));
        assertThat(months.close(1)).isEqualTo(days.close(31));
    }

    record Case(int bars, long step, BarInterval target, long seed) {}

    static Stream<Case> cases() {
        SplittableRandom random = new SplittableRandom(611L);
        BarInterval[] targets = {
            BarInterval.FIVE_MINUTES,
            BarInterval.ONE_HOUR,
            BarInterval.ONE_DAY,
            BarInterval.ONE_WEEK,
            BarInterval.ONE_MONTH
        };
        return IntStream.range(0, 300)
                .mapToObj(i -> new Case(
                        random.nextInt(0, 400),
                        new long[] {60, 300, 3_600, 86_400}[random.nextInt(4)],
                        targets[random.nextInt(targets.length)],
                        random.nextLong()));
    }

    private static OhlcvSeries walk(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        OhlcvSeries.Builder builder = OhlcvSeries.builder(c.bars());
        long t = utc(2024, 1, 1, 0, 0) + random.nextLong(0, 86_400 * 40);
        double price = 100;
        for (int i = 0; i < c.bars(); i++) {
            t += c.step() * random.nextInt(1, 4);
            double open = price;
            price *= Math.exp(random.nextGaussian() * 0.01);
            builder.add(
                    t,
                    open,
                    Math.max(open, price) * 1.001,
                    Math.min(open, price) * 0.999,
                    price,
                    random.nextInt(0, 1_000));
        }
        return builder.build();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void test_resampling_keepsWhatAggregationMustKeep(Case c) {
        OhlcvSeries bars = walk(c);

        OhlcvSeries out = Resample.to(bars, c.target());

        double volumeIn = 0;
        double volumeOut = 0;
        for (int i = 0; i < bars.size(); i++) {
            volumeIn += bars.volume(i);
        }
        for (int j = 0; j < out.size(); j++) {
            volumeOut += out.volume(j);
            assertThat(Resample.periodStart(out.time(j), c.target())).isEqualTo(out.time(j));
        }
        assertThat(volumeOut).isEqualTo(volumeIn);
        assertThat(out.size()).isLessThanOrEqualTo(bars.size());
        if (!bars.isEmpty()) {
            assertThat(out.open(0)).isEqualTo(bars.open(0));
            assertThat(out.close(out.size() - 1)).isEqualTo(bars.close(bars.size() - 1));
            double high = 0;
            double low = Double.MAX_VALUE;
            for (int i = 0; i < bars.size(); i++) {
                high = Math.max(high, bars.high(i));
                low = Math.min(low, bars.low(i));
            }
            double outHigh = 0;
            double outLow = Double.MAX_VALUE;
            for (int j = 0; j < out.size(); j++) {
                outHigh = Math.max(outHigh, out.high(j));
                outLow = Math.min(outLow, out.low(j));
            }
            assertThat(outHigh).isEqualTo(high);
            assertThat(outLow).isEqualTo(low);
        }
        assertThat(Resample.to(out, c.target()).size())
                .as("resampling twice to the same interval changes nothing")
                .isEqualTo(out.size());
    }
}
