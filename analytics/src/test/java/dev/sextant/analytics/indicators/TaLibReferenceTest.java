package dev.sextant.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator against TA-Lib Java 0.4.0 on generated price walks (fixed seed: every failure
 * reproduces) and on real market data ({@link RealMarketData}: Apple daily, ETH 5-minute, BTC
 * 5-minute bars from trades): the same lookback, NaN before it, and each value within 1e-9
 * relative.
 */
class TaLibReferenceTest {

    private static final int CASES = 300;
    /** Parameter sets run on each real data set. */
    private static final int REAL_CASES = 20;

    private static final double TOLERANCE = 1e-9;
    private final Core talib = new Core();

    /** @param real null for a generated walk of {@code bars} bars from {@code seed} */
    record Case(
            RealMarketData real,
            long seed,
            int bars,
            int period,
            int fast,
            int slow,
            int signal,
            double stddevUp,
            double stddevDown) {
        PriceWalks prices() {
            return real == null ? PriceWalks.of(seed, bars) : real.prices();
        }

        @Override
        public String toString() {
            return (real == null ? "walk " + seed + " x " + bars : real.name()) + ", period " + period + ", MACD "
                    + fast + "/" + slow + "/" + signal + ", stddev " + stddevUp + "/" + stddevDown;
        }
    }

    static Stream<Case> cases() {
        SplittableRandom random = new SplittableRandom(6_2026_11_23L);
        Stream<Case> walks = IntStream.range(0, CASES).mapToObj(i -> parameters(random, null));
        Stream<Case> real = Stream.of(RealMarketData.values())
                .flatMap(data -> IntStream.range(0, REAL_CASES).mapToObj(i -> parameters(random, data)));
        return Stream.concat(walks, real);
    }

    private static Case parameters(SplittableRandom random, RealMarketData real) {
        {
            int fast = random.nextInt(2, 20);
            return new Case(
                    real,
                    random.nextLong(),
                    random.nextInt(0, 700),
                    random.nextInt(2, 60),
                    fast,
                    random.nextInt(fast + 1, 45),
                    // From 2: TA-Lib Java 0.4.0's MACD throws for a signal period of 1 (an arraycopy from
                    // index -1); ours handles it (StreamingEqualsBatchTest covers it).
                    random.nextInt(2, 15),
                    0.5 + random.nextInt(0, 6) * 0.5,
                    0.5 + random.nextInt(0, 6) * 0.5);
        }
    }

    /** TA-Lib's compact output {@code [outBeg, outBeg + count)} against ours, aligned with the input. */
    private static void assertAligned(
            String what, double[] ours, MInteger begin, MInteger count, double[] reference, int lookback) {
        int n = ours.length;
        if (n > lookback) {
            assertThat(begin.value).as(what + " lookback").isEqualTo(lookback);
            assertThat(count.value).as(what + " values").isEqualTo(n - lookback);
        } else {
            assertThat(count.value).as(what + " values").isZero();
        }
        for (int i = 0; i < n; i++) {
            if (i < lookback) {
                assertThat(ours[i]).as(what + " before the lookback, at " + i).isNaN();
            } else {
                double expected = reference[i - lookback];
                double tolerance = TOLERANCE * Math.max(1, Math.abs(expected));
                assertThat(ours[i])
                        .as(what + " at " + i)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sma(Case k) {
        double[] close = k.prices().close();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[close.length];
        call(talib.sma(0, close.length - 1, close, k.period(), begin, count, reference), close.length);

        assertThat(Sma.lookback(k.period())).isEqualTo(talib.smaLookback(k.period()));
        assertAligned("SMA", Sma.of(close, k.period()), begin, count, reference, Sma.lookback(k.period()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ema(Case k) {
        double[] close = k.prices().close();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[close.length];
        call(talib.ema(0, close.length - 1, close, k.period(), begin, count, reference), close.length);

        assertThat(Ema.lookback(k.period())).isEqualTo(talib.emaLookback(k.period()));
        assertAligned("EMA", Ema.of(close, k.period()), begin, count, reference, Ema.lookback(k.period()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rsi(Case k) {
        double[] close = k.prices().close();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[close.length];
        call(talib.rsi(0, close.length - 1, close, k.period(), begin, count, reference), close.length);

        assertThat(Rsi.lookback(k.period())).isEqualTo(talib.rsiLookback(k.period()));
        assertAligned("RSI", Rsi.of(close, k.period()), begin, count, reference, Rsi.lookback(k.period()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void atr(Case k) {
        PriceWalks p = k.prices();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[p.close().length];
        call(
                talib.atr(0, p.close().length - 1, p.high(), p.low(), p.close(), k.period(), begin, count, reference),
                p.close().length);

        assertThat(Atr.lookback(k.period())).isEqualTo(talib.atrLookback(k.period()));
        assertAligned(
                "ATR",
                Atr.of(p.high(), p.low(), p.close(), k.period()),
                begin,
                count,
                reference,
                Atr.lookback(k.period()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bollinger(Case k) {
        double[] close = k.prices().close();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] upper = new double[close.length];
        double[] middle = new double[close.length];
        double[] lower = new double[close.length];
        call(
                talib.bbands(
                        0,
                        close.length - 1,
                        close,
                        k.period(),
                        k.stddevUp(),
                        k.stddevDown(),
                        MAType.Sma,
                        begin,
                        count,
                        upper,
                        middle,
                        lower),
                close.length);

        Bollinger.Bands ours = Bollinger.of(close, k.period(), k.stddevUp(), k.stddevDown());
        int lookback = Bollinger.lookback(k.period());
        assertThat(lookback).isEqualTo(talib.bbandsLookback(k.period(), k.stddevUp(), k.stddevDown(), MAType.Sma));
        assertAligned("BBANDS upper", ours.upper(), begin, count, upper, lookback);
        assertAligned("BBANDS middle", ours.middle(), begin, count, middle, lookback);
        assertAligned("BBANDS lower", ours.lower(), begin, count, lower, lookback);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void macd(Case k) {
        double[] close = k.prices().close();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] macd = new double[close.length];
        double[] signal = new double[close.length];
        double[] histogram = new double[close.length];
        call(
                talib.macd(
                        0,
                        close.length - 1,
                        close,
                        k.fast(),
                        k.slow(),
                        k.signal(),
                        begin,
                        count,
                        macd,
                        signal,
                        histogram),
                close.length);

        Macd.Lines ours = Macd.of(close, k.fast(), k.slow(), k.signal());
        int lookback = Macd.lookback(k.fast(), k.slow(), k.signal());
        assertThat(lookback).isEqualTo(talib.macdLookback(k.fast(), k.slow(), k.signal()));
        assertAligned("MACD", ours.macd(), begin, count, macd, lookback);
        assertAligned("MACD signal", ours.signal(), begin, count, signal, lookback);
        assertAligned("MACD histogram", ours.histogram(), begin, count, histogram, lookback);
    }

    /** A single-input TA-Lib function with one period parameter. */
    @FunctionalInterface
    interface PeriodFunction {
        com.tictactec.ta.lib.RetCode call(
                int start, int end, double[] in, int period, MInteger begin, MInteger count, double[] out);
    }

    private void single(
            String what, double[] values, int period, int lookback, double[] ours, PeriodFunction talibFunction) {
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[values.length];
        call(talibFunction.call(0, values.length - 1, values, period, begin, count, reference), values.length);
        assertAligned(what, ours, begin, count, reference, lookback);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void momentumAndRateOfChange(Case k) {
        double[] close = k.prices().close();
        single("MOM", close, k.period(), Momentum.lookback(k.period()), Momentum.mom(close, k.period()), talib::mom);
        single("ROC", close, k.period(), Momentum.lookback(k.period()), Momentum.roc(close, k.period()), talib::roc);
        assertThat(Momentum.lookback(k.period()))
                .isEqualTo(talib.momLookback(k.period()))
                .isEqualTo(talib.rocLookback(k.period()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void weightedAndMultipleMovingAverages(Case k) {
        double[] close = k.prices().close();
        int period = k.period();
        single("WMA", close, period, Wma.lookback(period), Wma.of(close, period), talib::wma);
        single("DEMA", close, period, MultipleEma.demaLookback(period), MultipleEma.dema(close, period), talib::dema);
        single("TEMA", close, period, MultipleEma.temaLookback(period), MultipleEma.tema(close, period), talib::tema);
        assertThat(Wma.lookback(period)).isEqualTo(talib.wmaLookback(period));
        assertThat(MultipleEma.demaLookback(period)).isEqualTo(talib.demaLookback(period));
        assertThat(MultipleEma.temaLookback(period)).isEqualTo(talib.temaLookback(period));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void standardDeviationAndSlope(Case k) {
        double[] close = k.prices().close();
        int period = k.period();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[close.length];
        call(talib.stdDev(0, close.length - 1, close, period, k.stddevUp(), begin, count, reference), close.length);
        assertAligned(
                "STDDEV", StdDev.of(close, period, k.stddevUp()), begin, count, reference, StdDev.lookback(period));
        single(
                "LINEARREG_SLOPE",
                close,
                period,
                LinearRegressionSlope.lookback(period),
                LinearRegressionSlope.of(close, period),
                talib::linearRegSlope);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void williamsRAndObv(Case k) {
        PriceWalks p = k.prices();
        int n = p.close().length;
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[n];
        call(talib.willR(0, n - 1, p.high(), p.low(), p.close(), k.period(), begin, count, reference), n);
        assertAligned(
                "WILLR",
                WilliamsR.of(p.high(), p.low(), p.close(), k.period()),
                begin,
                count,
                reference,
                WilliamsR.lookback(k.period()));

        double[] obv = new double[n];
        call(talib.obv(0, n - 1, p.close(), p.volume(), begin, count, obv), n);
        assertAligned("OBV", Obv.of(p.close(), p.volume()), begin, count, obv, 0);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void natrCciMfi(Case k) {
        PriceWalks p = k.prices();
        int n = p.close().length;
        int period = k.period();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[n];
        call(talib.natr(0, n - 1, p.high(), p.low(), p.close(), period, begin, count, reference), n);
        assertAligned(
                "NATR", Natr.of(p.high(), p.low(), p.close(), period), begin, count, reference, Natr.lookback(period));

        call(talib.cci(0, n - 1, p.high(), p.low(), p.close(), period, begin, count, reference), n);
        assertAligned(
                "CCI", Cci.of(p.high(), p.low(), p.close(), period), begin, count, reference, Cci.lookback(period));
        assertThat(Cci.lookback(period)).isEqualTo(talib.cciLookback(period));

        call(talib.mfi(0, n - 1, p.high(), p.low(), p.close(), p.volume(), period, begin, count, reference), n);
        assertAligned(
                "MFI",
                Mfi.of(p.high(), p.low(), p.close(), p.volume(), period),
                begin,
                count,
                reference,
                Mfi.lookback(period));
        assertThat(Mfi.lookback(period)).isEqualTo(talib.mfiLookback(period));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void stochastic(Case k) {
        PriceWalks p = k.prices();
        int n = p.close().length;
        int fastk = Math.max(1, k.period() / 3);
        int slowk = k.signal();
        int slowd = Math.max(1, k.fast() / 4);
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] slowK = new double[n];
        double[] slowD = new double[n];
        int lookback = Stochastic.lookback(fastk, slowk, slowd);
        assertThat(lookback).isEqualTo(talib.stochLookback(fastk, slowk, MAType.Sma, slowd, MAType.Sma));
        Stochastic.Lines ours = Stochastic.of(p.high(), p.low(), p.close(), fastk, slowk, slowd);
        if (n <= lookback) {
            assertThat(java.util.Arrays.stream(ours.k()).allMatch(Double::isNaN))
                    .isTrue();
            return;
        }
        call(
                talib.stoch(
                        0,
                        n - 1,
                        p.high(),
                        p.low(),
                        p.close(),
                        fastk,
                        slowk,
                        MAType.Sma,
                        slowd,
                        MAType.Sma,
                        begin,
                        count,
                        slowK,
                        slowD),
                n);
        assertAligned("STOCH %K", ours.k(), begin, count, slowK, lookback);
        assertAligned("STOCH %D", ours.d(), begin, count, slowD, lookback);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void directionalMovement(Case k) {
        PriceWalks p = k.prices();
        int n = p.close().length;
        int period = k.period();
        Directional.Lines ours = Directional.of(p.high(), p.low(), p.close(), period);
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[n];
        call(talib.plusDI(0, n - 1, p.high(), p.low(), p.close(), period, begin, count, reference), n);
        assertAligned("+DI", ours.plusDi(), begin, count, reference, Directional.diLookback(period));
        call(talib.minusDI(0, n - 1, p.high(), p.low(), p.close(), period, begin, count, reference), n);
        assertAligned("-DI", ours.minusDi(), begin, count, reference, Directional.diLookback(period));
        call(talib.adx(0, n - 1, p.high(), p.low(), p.close(), period, begin, count, reference), n);
        assertAligned("ADX", ours.adx(), begin, count, reference, Directional.adxLookback(period));
        assertThat(Directional.adxLookback(period)).isEqualTo(talib.adxLookback(period));
        assertThat(Directional.diLookback(period)).isEqualTo(talib.plusDILookback(period));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void kamaAndStochasticRsi(Case k) {
        double[] close = k.prices().close();
        int n = close.length;
        int period = k.period();
        single("KAMA", close, period, Kama.lookback(period), Kama.of(close, period), talib::kama);
        assertThat(Kama.lookback(period)).isEqualTo(talib.kamaLookback(period));

        int fastk = Math.max(1, k.signal());
        int fastd = Math.max(1, k.fast() / 4);
        int lookback = StochasticRsi.lookback(period, fastk, fastd);
        assertThat(lookback).isEqualTo(talib.stochRsiLookback(period, fastk, fastd, MAType.Sma));
        StochasticRsi.Lines ours = StochasticRsi.of(close, period, fastk, fastd);
        if (n <= lookback) {
            assertThat(java.util.Arrays.stream(ours.k()).allMatch(Double::isNaN))
                    .isTrue();
            return;
        }
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] fastK = new double[n];
        double[] fastD = new double[n];
        call(talib.stochRsi(0, n - 1, close, period, fastk, fastd, MAType.Sma, begin, count, fastK, fastD), n);
        assertAligned("STOCHRSI %K", ours.k(), begin, count, fastK, lookback);
        assertAligned("STOCHRSI %D", ours.d(), begin, count, fastD, lookback);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void parabolicSar(Case k) {
        PriceWalks p = k.prices();
        int n = p.close().length;
        double acceleration = 0.01 * (1 + k.signal() % 4);
        double maximum = 0.1 * (1 + k.fast() % 3);
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] reference = new double[n];
        call(talib.sar(0, n - 1, p.high(), p.low(), acceleration, maximum, begin, count, reference), n);
        assertAligned("SAR", Sar.of(p.high(), p.low(), acceleration, maximum), begin, count, reference, Sar.lookback());
        assertThat(Sar.lookback()).isEqualTo(talib.sarLookback(acceleration, maximum));
    }

    private static void call(RetCode code, int bars) {
        // TA-Lib refuses an empty range (endIdx -1); that case has nothing to compare.
        assertThat(code).isIn(RetCode.Success, bars == 0 ? RetCode.OutOfRangeEndIndex : RetCode.Success);
    }
}
