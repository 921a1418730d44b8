package dev.sextant.analysis.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of FK-DSL queries, on {@code /metrics}: the compute time statements
 * spend on the query pool ({@code sextant.query.compute}) and the queries refused before computing
 * ({@code sextant.query.refused}, by reason); every series exists from the start at zero.
 */
@Component
class QueryMetrics {

    /** Why a query was refused: its account's concurrency or compute budget, or the pool's capacity. */
    static final String CONCURRENCY = "concurrency";

    static final String BUDGET = "budget";
    static final String CAPACITY = "capacity";

    private final Timer compute;
    private final Map<String, Counter> refusals;

    QueryMetrics(MeterRegistry registry) {
        this.compute = Timer.builder("sextant.query.compute")
                .description("Compute time of FK-DSL statements on the query pool (fetching data excluded)")
                .register(registry);
        this.refusals = Stream.of(CONCURRENCY, BUDGET, CAPACITY)
                .collect(Collectors.toUnmodifiableMap(
                        Function.identity(),
                        reason -> Counter.builder("sextant.query.refused")
                                .description("FK-DSL queries refused before computing")
                                .tag("reason", reason)
                                .register(registry)));
    }

    void computed(Duration time) {
        compute.record(time);
    }

    void refused(String reason) {
        refusals.get(reason).increment();
    }
}
