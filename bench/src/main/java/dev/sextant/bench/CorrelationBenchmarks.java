package dev.sextant.bench;

import dev.sextant.analytics.risk.Correlation;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Issue 6's correlation figure: the matrix of 500 symbols' 2,520 daily returns (goal: under 300 ms on 2 cores). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx2g"})
public class CorrelationBenchmarks {

    double[][] returns;

    @Setup(Level.Trial)
    public void returns() {
        SplittableRandom random = new SplittableRandom(7);
        returns = new double[500][2_520];
        for (double[] series : returns) {
            for (int i = 0; i < series.length; i++) {
                series[i] = random.nextGaussian() * 0.02;
            }
        }
    }

    @Benchmark
    public double[][] correlationMatrix500x2520() {
        return Correlation.correlationMatrix(returns);
    }
}
