package dev.sextant.marketdata.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private static final int CALLERS = 16;

    /**
     * Runs {@link #CALLERS} platform threads asking for the same key with a load that holds its flight
     * open until every other caller is parked waiting on it, so none can arrive after it landed.
     */
    private static List<Future<String>> callTogether(SingleFlight<String, String> flight, Supplier<String> answer)
            throws InterruptedException {
        AtomicInteger arrived = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS, runnable -> {
            Thread thread = new Thread(runnable);
            threads.add(thread);
            return thread;
        });
        Supplier<String> load = () -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !othersParked(threads, arrived)) {
                Thread.onSpinWait();
            }
            return answer.get();
        };
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            results.add(pool.submit(() -> {
                gate.await();
                arrived.incrementAndGet();
                return flight.run("AAPL", load);
            }));
        }
        gate.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        return results;
    }

    private static boolean othersParked(List<Thread> threads, AtomicInteger arrived) {
        if (arrived.get() < CALLERS) {
            return false;
        }
        long parked = threads.stream()
                .filter(t -> t != Thread.currentThread() && t.getState() == Thread.State.WAITING)
                .count();
        return parked == CALLERS - 1;
    }

    @Test
    void test_run_manyCallersOfOneKey_shareOneLoad() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        AtomicInteger loads = new AtomicInteger();

        List<Future<String>> results = callTogether(flight, () -> "quote-" + loads.incrementAndGet());

        assertThat(loads).hasValue(1);
        for (Future<String> result : results) {
            assertThat(result.get()).isEqualTo("quote-1");
        }
        assertThat(flight.inFlight("AAPL")).isFalse();
    }

    @Test
    void test_run_failedLoad_reachesEveryWaiter_andTheNextCallRetries() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        AtomicInteger loads = new AtomicInteger();

        List<Future<String>> results = callTogether(flight, () -> {
            loads.incrementAndGet();
            throw new IllegalStateException("provider down");
        });

        assertThat(loads).hasValue(1);
        for (Future<String> result : results) {
            assertThatThrownBy(result::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("provider down");
        }
        assertThat(flight.run("AAPL", () -> "quote-" + loads.incrementAndGet()))
                .as("a failure is not remembered: the next call loads again")
                .isEqualTo("quote-2");
    }

    @Test
    void test_run_differentKeys_loadEach() {
        SingleFlight<String, String> flight = new SingleFlight<>();

        assertThat(flight.run("AAPL", () -> flight.inFlight("AAPL") + "/" + flight.inFlight("MSFT")))
                .isEqualTo("true/false");
        assertThat(flight.run("MSFT", () -> "msft")).isEqualTo("msft");
    }
}
