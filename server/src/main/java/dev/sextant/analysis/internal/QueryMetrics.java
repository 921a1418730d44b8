package dev.sextant.analysis.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of FK-DSL queries, on {@code /metrics}: the compute time statements
 * spend on the query pool ({@code sextant.query.compute}) and the queries refused before computing
 * ({@code sextant.query.refused}, by reason: {@code concurrency}, {@code budget}, {@code capacity}).
 */
@Component
class QueryMetrics {

    private final Timer compute;
    private final MeterRegistry registry;

    QueryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.compute = Timer.builder("sextant.query.compute")
                .description("Compute time of FK-DSL statements on the query pool (fetching data excluded)")
                .register(registry);
    }

    void computed(Duration time) {
        compute.record(time);
    }

    void refused(String reason) {
        Counter.builder("sextant.query.refused")
                .description("FK-DSL queries refused before computing")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
