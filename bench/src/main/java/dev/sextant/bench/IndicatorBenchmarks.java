package dev.sextant.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import dev.sextant.analytics.indicators.Atr;
import dev.sextant.analytics.indicators.Bollinger;
import dev.sextant.analytics.indicators.Ema;
import dev.sextant.analytics.indicators.Macd;
import dev.sextant.analytics.indicators.Rsi;
import dev.sextant.analytics.indicators.Sma;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * Each indicator over one million bars, computed whole, by Sextant, TA-Lib Java and ta4j in the
 * same run. Every variant allocates its outputs, as a caller would; ta4j gets a fresh indicator
 * each time (its values are cached per instance) over a series built once, with double numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms4g", "-Xmx4g"})
public class IndicatorBenchmarks {

    @Param("1000000")
    int bars;

    double[] high;
    double[] low;
    double[] close;
    BarSeries series;
    final Core talib = new Core();

    @Setup(Level.Trial)
    public void prices() {
        SplittableRandom random = new SplittableRandom(42);
        high = new double[bars];
        low = new double[bars];
        close = new double[bars];
        double price = 100;
        for (int i = 0; i < bars; i++) {
            double previous = price;
            price *= Math.exp(random.nextGaussian() * 0.01);
            high[i] = Math.max(previous, price) * (1 + random.nextDouble() * 0.005);
            low[i] = Math.min(previous, price) * (1 - random.nextDouble() * 0.005);
            close[i] = price;
        }
        series = new BaseBarSeriesBuilder()
                .withNumFactory(DoubleNumFactory.getInstance())
                .build();
        Instant start = Instant.parse("2000-01-01T00:00:00Z");
        for (int i = 0; i < bars; i++) {
            series.barBuilder()
                    .timePeriod(Duration.ofMinutes(1))
                    .endTime(start.plusSeconds(60L * (i + 1)))
                    .openPrice(i == 0 ? close[0] : close[i - 1])
                    .highPrice(high[i])
                    .lowPrice(low[i])
                    .closePrice(close[i])
                    .volume(1_000)
                    .add();
        }
    }

    private static void drain(Indicator<Num> indicator, int bars, Blackhole sink) {
        for (int i = 0; i < bars; i++) {
            sink.consume(indicator.getValue(i));
        }
    }

    // SMA(20)
    @Benchmark
    public double[] smaSextant() {
        return Sma.of(close, 20);
    }

    @Benchmark
    public double[] smaTaLib() {
        double[] out = new double[bars];
        talib.sma(0, bars - 1, close, 20, new MInteger(), new MInteger(), out);
        return out;
    }

    @Benchmark
    public void smaTa4j(Blackhole sink) {
        drain(new SMAIndicator(new ClosePriceIndicator(series), 20), bars, sink);
    }

    // EMA(20)
    @Benchmark
    public double[] emaSextant() {
        return Ema.of(close, 20);
    }

    @Benchmark
    public double[] emaTaLib() {
        double[] out = new double[bars];
        talib.ema(0, bars - 1, close, 20, new MInteger(), new MInteger(), out);
        return out;
    }

    @Benchmark
    public void emaTa4j(Blackhole sink) {
        drain(new EMAIndicator(new ClosePriceIndicator(series), 20), bars, sink);
    }

    // RSI(14)
    @Benchmark
    public double[] rsiSextant() {
        return Rsi.of(close, 14);
    }

    @Benchmark
    public double[] rsiTaLib() {
        double[] out = new double[bars];
        talib.rsi(0, bars - 1, close, 14, new MInteger(), new MInteger(), out);
        return out;
    }

    @Benchmark
    public void rsiTa4j(Blackhole sink) {
        drain(new RSIIndicator(new ClosePriceIndicator(series), 14), bars, sink);
    }

    // MACD(12, 26, 9): line, signal and histogram
    @Benchmark
    public Macd.Lines macdSextant() {
        return Macd.of(close, 12, 26, 9);
    }

    @Benchmark
    public double[][] macdTaLib() {
        double[] macd = new double[bars];
        double[] signal = new double[bars];
        double[] histogram = new double[bars];
        talib.macd(0, bars - 1, close, 12, 26, 9, new MInteger(), new MInteger(), macd, signal, histogram);
        return new double[][] {macd, signal, histogram};
    }

    @Benchmark
    public void macdTa4j(Blackhole sink) {
        MACDIndicator macd = new MACDIndicator(new ClosePriceIndicator(series), 12, 26);
        EMAIndicator signal = macd.getSignalLine(9);
        for (int i = 0; i < bars; i++) {
            Num line = macd.getValue(i);
            Num smoothed = signal.getValue(i);
            sink.consume(line.minus(smoothed));
        }
    }

    // Bollinger Bands(20, 2, 2): upper, middle, lower
    @Benchmark
    public Bollinger.Bands bollingerSextant() {
        return Bollinger.of(close, 20, 2, 2);
    }

    @Benchmark
    public double[][] bollingerTaLib() {
        double[] upper = new double[bars];
        double[] middle = new double[bars];
        double[] lower = new double[bars];
        talib.bbands(0, bars - 1, close, 20, 2, 2, MAType.Sma, new MInteger(), new MInteger(), upper, middle, lower);
        return new double[][] {upper, middle, lower};
    }

    @Benchmark
    public void bollingerTa4j(Blackhole sink) {
        ClosePriceIndicator prices = new ClosePriceIndicator(series);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(prices, 20));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(prices, 20);
        Num two = series.numFactory().numOf(2);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, deviation, two);
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, deviation, two);
        for (int i = 0; i < bars; i++) {
            sink.consume(upper.getValue(i));
            sink.consume(lower.getValue(i));
        }
    }

    // ATR(14)
    @Benchmark
    public double[] atrSextant() {
        return Atr.of(high, low, close, 14);
    }

    @Benchmark
    public double[] atrTaLib() {
        double[] out = new double[bars];
        talib.atr(0, bars - 1, high, low, close, 14, new MInteger(), new MInteger(), out);
        return out;
    }

    @Benchmark
    public void atrTa4j(Blackhole sink) {
        drain(new ATRIndicator(series, 14), bars, sink);
    }
}
