package dev.sextant.analytics.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.series.OhlcvSeries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every kernel of the catalog checks its caller's compute limit inside its loop, not only after it. */
class ComputeCheckpointTest {

    private static final int BARS = 50_000;

    private static final OhlcvSeries SERIES = randomWalk(BARS);

    private static OhlcvSeries randomWalk(int n) {
        Random random = new Random(7);
        OhlcvSeries.Builder builder = OhlcvSeries.builder(n);
        double close = 100;
        for (int i = 0; i < n; i++) {
            double open = close;
            close = Math.max(1, close * (1 + random.nextGaussian() * 0.01));
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.005);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.005);
            builder.add(86_400L * i, open, high, low, close, 1_000 + random.nextInt(9_000));
        }
        return builder.build();
    }

    private static Map<String, Double> defaults(IndicatorCatalog.Definition definition) {
        Map<String, Double> parameters = new HashMap<>();
        definition.params().forEach(p -> parameters.put(p.name(), p.defaultValue()));
        return parameters;
    }

    /** A limit that is never spent and counts how often it was asked. */
    private record Counting(AtomicInteger checks) implements ComputeCheckpoint.Limit {
        @Override
        public void check() {
            checks.incrementAndGet();
        }
    }

    private static final class Spent extends RuntimeException {}

    @Test
    void test_everyCatalogKernel_checksItsLimitEveryFewThousandBars_andComputesTheSameUnderIt() {
        assertThat(IndicatorCatalog.ALL).isNotEmpty();
        for (IndicatorCatalog.Definition definition : IndicatorCatalog.ALL.values()) {
            AtomicInteger checks = new AtomicInteger();
            List<double[]> free = definition.compute().apply(SERIES, defaults(definition));
            List<double[]> limited = ComputeCheckpoint.under(
                    new Counting(checks), () -> definition.compute().apply(SERIES, defaults(definition)));

            assertThat(checks.get())
                    .as(definition.name() + " checks inside its loop over " + BARS + " bars")
                    .isGreaterThanOrEqualTo(BARS / ComputeCheckpoint.EVERY);
            assertThat(limited).as(definition.name()).hasSameSizeAs(free);
            for (int output = 0; output < free.size(); output++) {
                assertThat(limited.get(output)).as(definition.name()).containsExactly(free.get(output));
            }
        }
    }

    @Test
    void test_aSpentLimit_endsAKernelInTheMiddleOfItsLoop() {
        for (IndicatorCatalog.Definition definition : IndicatorCatalog.ALL.values()) {
            AtomicInteger checks = new AtomicInteger();
            ComputeCheckpoint.Limit spentAfterTwo = () -> {
                if (checks.incrementAndGet() > 2) {
                    throw new Spent();
                }
            };

            assertThatThrownBy(() -> ComputeCheckpoint.under(
                            spentAfterTwo, () -> definition.compute().apply(SERIES, defaults(definition))))
                    .as(definition.name())
                    .isInstanceOf(Spent.class);
            assertThat(checks.get()).as(definition.name()).isEqualTo(3);
        }
    }

    @Test
    void test_withoutALimit_aCheckpointDoesNothing_andALimitEndsWithItsWork() {
        ComputeCheckpoint.reached();
        ComputeCheckpoint.reached(0);
        AtomicInteger checks = new AtomicInteger();

        int inner = ComputeCheckpoint.under(new Counting(checks), () -> {
            ComputeCheckpoint.reached(1); // not a multiple of EVERY: no check
            ComputeCheckpoint.reached(ComputeCheckpoint.EVERY);
            return checks.get();
        });
        ComputeCheckpoint.reached();

        assertThat(inner).isEqualTo(1);
        assertThat(checks.get()).as("nothing checked once the work ended").isEqualTo(1);
    }
}
