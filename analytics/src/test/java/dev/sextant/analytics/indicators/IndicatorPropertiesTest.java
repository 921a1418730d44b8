package dev.sextant.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants every kernel keeps whatever the prices (jqwik generates and shrinks them): moving
 * averages of a constant are that constant, oscillators stay in their ranges, bands keep their
 * order.
 */
class IndicatorPropertiesTest {

    /** Bars of a generated walk: any length up to 400, any seed. */
    @Provide
    Arbitrary<PriceWalks> walks() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 400))
                .as(PriceWalks::of);
    }

    private static double[] constant(double value, int length) {
        double[] values = new double[length];
        java.util.Arrays.fill(values, value);
        return values;
    }

    @Property(tries = 300)
    void movingAveragesOfAConstant_areThatConstant(
            @ForAll @DoubleRange(min = 0.0001, max = 1e7) @net.jqwik.api.constraints.Scale(6) double value,
            @ForAll @IntRange(min = 0, max = 300) int length,
            @ForAll @IntRange(min = 1, max = 60) int period) {
        double[] flat = constant(value, length);
        for (double[] average :
                new double[][] {Sma.of(flat, period), Wma.of(flat, period), Ema.of(flat, period), Kama.of(flat, period)
                }) {
            for (double v : average) {
                if (!Double.isNaN(v)) {
                    // The first window's sum rounds (1e-4 three times over 3 is not 1e-4), and weighted
                    // sums and recursive updates round too: rounding grows with the window, still below 1e-13 relative.
                    assertThat(v).isCloseTo(value, org.assertj.core.data.Offset.offset(value * 1e-13));
                }
            }
        }
    }

    @Property(tries = 300)
    void oscillators_stayInTheirRanges(@ForAll("walks") PriceWalks p, @ForAll @IntRange(min = 2, max = 50) int period) {
        assertWithin(Rsi.of(p.close(), period), 0, 100);
        assertWithin(Stochastic.of(p.high(), p.low(), p.close(), period, 3, 3).k(), 0, 100);
        assertWithin(WilliamsR.of(p.high(), p.low(), p.close(), period), -100, 0);
        assertWithin(Mfi.of(p.high(), p.low(), p.close(), p.volume(), period), 0, 100);
        Directional.Lines directional = Directional.of(p.high(), p.low(), p.close(), period);
        assertWithin(directional.adx(), 0, 100);
        assertWithin(directional.plusDi(), 0, 100);
        assertWithin(directional.minusDi(), 0, 100);
    }

    @Property(tries = 300)
    void bandsAndChannels_keepTheirOrder(
            @ForAll("walks") PriceWalks p,
            @ForAll @IntRange(min = 2, max = 50) int period,
            @ForAll @DoubleRange(min = 0.5, max = 3) double width) {
        Bollinger.Bands bands = Bollinger.of(p.close(), period, width, width);
        Keltner.Channel keltner = Keltner.of(p.high(), p.low(), p.close(), period, width);
        Donchian.Channel donchian = Donchian.of(p.high(), p.low(), period);
        for (int i = 0; i < p.close().length; i++) {
            if (!Double.isNaN(bands.middle()[i])) {
                assertThat(bands.upper()[i]).isGreaterThanOrEqualTo(bands.middle()[i]);
                assertThat(bands.middle()[i]).isGreaterThanOrEqualTo(bands.lower()[i]);
            }
            if (!Double.isNaN(keltner.middle()[i])) {
                assertThat(keltner.upper()[i]).isGreaterThanOrEqualTo(keltner.middle()[i]);
                assertThat(keltner.middle()[i]).isGreaterThanOrEqualTo(keltner.lower()[i]);
            }
            if (!Double.isNaN(donchian.upper()[i])) {
                assertThat(donchian.upper()[i]).isGreaterThanOrEqualTo(p.high()[i]);
                assertThat(donchian.lower()[i]).isLessThanOrEqualTo(p.low()[i]);
            }
        }
    }

    private static void assertWithin(double[] values, double low, double high) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                // A hair of rounding outside the range is allowed at the ends, not more.
                assertThat(v).isBetween(low - 1e-9, high + 1e-9);
            }
        }
    }
}
