package dev.sextant.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The indicators TA-Lib does not have, against their definitions computed the slow, obvious way. */
class ChannelsAndVwapTest {

    record Case(long seed, int bars, int period) {
        PriceWalks prices() {
            return PriceWalks.of(seed, bars);
        }
    }

    static Stream<Case> cases() {
        SplittableRandom random = new SplittableRandom(77L);
        return IntStream.range(0, 200)
                .mapToObj(i -> new Case(random.nextLong(), random.nextInt(0, 300), random.nextInt(1, 40)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void keltner_isTheEmaPlusAndMinusAtrs(Case k) {
        PriceWalks p = k.prices();
        Keltner.Channel channel = Keltner.of(p.high(), p.low(), p.close(), k.period(), 2.5);
        double[] ema = Ema.of(p.close(), k.period());
        double[] atr = Atr.of(p.high(), p.low(), p.close(), k.period());
        for (int i = 0; i < p.close().length; i++) {
            if (i < Keltner.lookback(k.period())) {
                assertThat(channel.middle()[i]).isNaN();
                continue;
            }
            assertThat(channel.middle()[i]).isEqualTo(ema[i]);
            assertThat(channel.upper()[i]).isCloseTo(ema[i] + 2.5 * atr[i], within(1e-9));
            assertThat(channel.lower()[i]).isCloseTo(ema[i] - 2.5 * atr[i], within(1e-9));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ichimoku_linesAreWindowMidpoints(Case k) {
        PriceWalks p = k.prices();
        int tenkan = Math.max(1, k.period() / 3);
        int kijun = k.period();
        int senkou = 2 * k.period();
        Ichimoku.Lines lines = Ichimoku.of(p.high(), p.low(), tenkan, kijun, senkou);
        for (int i = 0; i < p.close().length; i++) {
            if (i < Ichimoku.lookback(tenkan, kijun, senkou)) {
                assertThat(lines.senkouB()[i]).isNaN();
                continue;
            }
            double conversion = midpoint(p, i, tenkan);
            double base = midpoint(p, i, kijun);
            assertThat(lines.tenkan()[i]).isEqualTo(conversion);
            assertThat(lines.kijun()[i]).isEqualTo(base);
            assertThat(lines.senkouA()[i]).isEqualTo((conversion + base) / 2);
            assertThat(lines.senkouB()[i]).isEqualTo(midpoint(p, i, senkou));
        }
    }

    private static double midpoint(PriceWalks p, int end, int period) {
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        for (int j = end - period + 1; j <= end; j++) {
            highest = Math.max(highest, p.high()[j]);
            lowest = Math.min(lowest, p.low()[j]);
        }
        return (highest + lowest) / 2;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void vwap_restartsEachUtcDay(Case k) {
        PriceWalks p = k.prices();
        int n = p.close().length;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_749_600_000L + 3_600L * i; // hourly bars: a new UTC day every 24 of them
        }
        double[] vwap = Vwap.of(times, p.high(), p.low(), p.close(), p.volume());
        for (int i = 0; i < n; i++) {
            double weighted = 0;
            double volume = 0;
            for (int j = i; j >= 0 && times[j] / 86_400 == times[i] / 86_400; j--) {
                weighted += (p.high()[j] + p.low()[j] + p.close()[j]) / 3 * p.volume()[j];
                volume += p.volume()[j];
            }
            double typical = (p.high()[i] + p.low()[i] + p.close()[i]) / 3;
            assertThat(vwap[i]).isCloseTo(volume > 0 ? weighted / volume : typical, within(1e-9 * typical));
        }
    }
}
