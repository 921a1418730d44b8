package dev.sextant.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each indicator's streaming form, fed one bar at a time, yields exactly the batch form's numbers,
 * bit for bit (NaN where the batch has NaN); and the invariants every user relies on hold.
 */
class StreamingEqualsBatchTest {

    record Case(long seed, int bars, int period, int fast, int slow, int signal) {
        PriceWalks prices() {
            return PriceWalks.of(seed, bars);
        }
    }

    static Stream<Case> cases() {
        SplittableRandom random = new SplittableRandom(1_123L);
        return IntStream.range(0, 300).mapToObj(i -> {
            int fast = random.nextInt(1, 20);
            return new Case(
                    random.nextLong(),
                    random.nextInt(0, 500),
                    random.nextInt(1, 50),
                    fast,
                    random.nextInt(fast, 40),
                    random.nextInt(1, 12));
        });
    }

    private static void assertSameBits(String what, double[] batch, double[] streamed) {
        for (int i = 0; i < batch.length; i++) {
            // A plain comparison first: AssertJ per element made this test twenty times slower.
            if (Double.doubleToLongBits(streamed[i]) != Double.doubleToLongBits(batch[i])) {
                assertThat(streamed[i])
                        .as(what + " at " + i + ": batch " + batch[i])
                        .isEqualTo(batch[i]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void streamingEqualsBatch(Case k) {
        PriceWalks p = k.prices();
        double[] close = p.close();
        int n = close.length;
        Sma sma = new Sma(k.period());
        Ema ema = new Ema(k.period());
        Rsi rsi = new Rsi(k.period());
        Atr atr = new Atr(k.period());
        Bollinger bollinger = new Bollinger(k.period(), 2, 1.5);
        Macd macd = new Macd(k.fast(), k.slow(), k.signal());
        double[][] streamed = new double[9][n];
        for (int i = 0; i < n; i++) {
            streamed[0][i] = sma.next(close[i]);
            streamed[1][i] = ema.next(close[i]);
            streamed[2][i] = rsi.next(close[i]);
            streamed[3][i] = atr.next(p.high()[i], p.low()[i], close[i]);
            Bollinger.Point bands = bollinger.next(close[i]);
            streamed[4][i] = bands.upper();
            streamed[5][i] = bands.lower();
            Macd.Point point = macd.next(close[i]);
            streamed[6][i] = point.macd();
            streamed[7][i] = point.signal();
            streamed[8][i] = point.histogram();
        }

        assertSameBits("SMA", Sma.of(close, k.period()), streamed[0]);
        assertSameBits("EMA", Ema.of(close, k.period()), streamed[1]);
        assertSameBits("RSI", Rsi.of(close, k.period()), streamed[2]);
        assertSameBits("ATR", Atr.of(p.high(), p.low(), close, k.period()), streamed[3]);
        Bollinger.Bands bands = Bollinger.of(close, k.period(), 2, 1.5);
        assertSameBits("BBANDS upper", bands.upper(), streamed[4]);
        assertSameBits("BBANDS lower", bands.lower(), streamed[5]);
        Macd.Lines lines = Macd.of(close, k.fast(), k.slow(), k.signal());
        assertSameBits("MACD", lines.macd(), streamed[6]);
        assertSameBits("MACD signal", lines.signal(), streamed[7]);
        assertSameBits("MACD histogram", lines.histogram(), streamed[8]);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void streamingEqualsBatch_forTheRest(Case k) {
        PriceWalks p = k.prices();
        double[] close = p.close();
        int n = close.length;
        int period = k.period();
        Momentum mom = Momentum.mom(period);
        Momentum roc = Momentum.roc(period);
        Wma wma = new Wma(period);
        MultipleEma dema = MultipleEma.dema(period);
        MultipleEma tema = MultipleEma.tema(period);
        StdDev stddev = new StdDev(period, 1.5);
        LinearRegressionSlope slope = new LinearRegressionSlope(period);
        WilliamsR willr = new WilliamsR(period);
        Obv obv = new Obv();
        Donchian donchian = new Donchian(period);
        Natr natr = new Natr(period);
        Cci cci = new Cci(period);
        Mfi mfi = new Mfi(period);
        Stochastic stochastic = new Stochastic(period, k.signal(), Math.max(1, k.fast() / 4));
        double[][] streamed = new double[16][n];
        for (int i = 0; i < n; i++) {
            streamed[0][i] = mom.next(close[i]);
            streamed[1][i] = roc.next(close[i]);
            streamed[2][i] = wma.next(close[i]);
            streamed[3][i] = dema.next(close[i]);
            streamed[4][i] = tema.next(close[i]);
            streamed[5][i] = stddev.next(close[i]);
            streamed[6][i] = slope.next(close[i]);
            streamed[7][i] = willr.next(p.high()[i], p.low()[i], close[i]);
            streamed[8][i] = obv.next(close[i], p.volume()[i]);
            Donchian.Point channel = donchian.next(p.high()[i], p.low()[i]);
            streamed[9][i] = channel.upper();
            streamed[10][i] = channel.lower();
            streamed[11][i] = natr.next(p.high()[i], p.low()[i], close[i]);
            streamed[12][i] = cci.next(p.high()[i], p.low()[i], close[i]);
            streamed[13][i] = mfi.next(p.high()[i], p.low()[i], close[i], p.volume()[i]);
            Stochastic.Point point = stochastic.next(p.high()[i], p.low()[i], close[i]);
            streamed[14][i] = point.k();
            streamed[15][i] = point.d();
        }

        assertSameBits("MOM", Momentum.mom(close, period), streamed[0]);
        assertSameBits("ROC", Momentum.roc(close, period), streamed[1]);
        assertSameBits("WMA", Wma.of(close, period), streamed[2]);
        assertSameBits("DEMA", MultipleEma.dema(close, period), streamed[3]);
        assertSameBits("TEMA", MultipleEma.tema(close, period), streamed[4]);
        assertSameBits("STDDEV", StdDev.of(close, period, 1.5), streamed[5]);
        assertSameBits("LINEARREG_SLOPE", LinearRegressionSlope.of(close, period), streamed[6]);
        assertSameBits("WILLR", WilliamsR.of(p.high(), p.low(), close, period), streamed[7]);
        assertSameBits("OBV", Obv.of(close, p.volume()), streamed[8]);
        Donchian.Channel channel = Donchian.of(p.high(), p.low(), period);
        assertSameBits("DONCHIAN upper", channel.upper(), streamed[9]);
        assertSameBits("DONCHIAN lower", channel.lower(), streamed[10]);
        assertSameBits("NATR", Natr.of(p.high(), p.low(), close, period), streamed[11]);
        assertSameBits("CCI", Cci.of(p.high(), p.low(), close, period), streamed[12]);
        assertSameBits("MFI", Mfi.of(p.high(), p.low(), close, p.volume(), period), streamed[13]);
        Stochastic.Lines lines = Stochastic.of(p.high(), p.low(), close, period, k.signal(), Math.max(1, k.fast() / 4));
        assertSameBits("STOCH %K", lines.k(), streamed[14]);
        assertSameBits("STOCH %D", lines.d(), streamed[15]);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void donchian_isTheWindowsHighestAndLowest(Case k) {
        PriceWalks p = k.prices();
        Donchian.Channel channel = Donchian.of(p.high(), p.low(), k.period());
        for (int i = k.period() - 1; i < p.close().length; i++) {
            double highest = Double.NEGATIVE_INFINITY;
            double lowest = Double.POSITIVE_INFINITY;
            for (int j = i - k.period() + 1; j <= i; j++) {
                highest = Math.max(highest, p.high()[j]);
                lowest = Math.min(lowest, p.low()[j]);
            }
            if (channel.upper()[i] != highest || channel.lower()[i] != lowest) {
                assertThat(new double[] {channel.upper()[i], channel.lower()[i]})
                        .as("window ending at " + i)
                        .containsExactly(highest, lowest);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void invariantsHold(Case k) {
        PriceWalks p = k.prices();
        double[] close = p.close();
        double constant = 42.125;
        double[] flat = new double[close.length];
        Arrays.fill(flat, constant);

        assertThat(Arrays.stream(Sma.of(flat, k.period())).filter(v -> !Double.isNaN(v)))
                .allMatch(v -> v == constant);
        // EMA's smoothing, ema * (1 - k) + x * k, can round a constant by an ulp or two; it never drifts.
        assertThat(Arrays.stream(Ema.of(flat, k.period())).filter(v -> !Double.isNaN(v)))
                .allMatch(v -> Math.abs(v - constant) <= 1e-12 * constant);
        assertThat(Arrays.stream(Rsi.of(close, k.period())).filter(v -> !Double.isNaN(v)))
                .allMatch(v -> v >= 0 && v <= 100);
        assertThat(Arrays.stream(Atr.of(p.high(), p.low(), close, k.period())).filter(v -> !Double.isNaN(v)))
                .allMatch(v -> v >= 0);
        Bollinger.Bands bands = Bollinger.of(close, k.period(), 2, 2);
        for (int i = Bollinger.lookback(k.period()); i < close.length; i++) {
            assertThat(bands.upper()[i]).isGreaterThanOrEqualTo(bands.middle()[i]);
            assertThat(bands.middle()[i]).isGreaterThanOrEqualTo(bands.lower()[i]);
        }
    }
}
