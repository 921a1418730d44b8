package dev.sextant.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.marketdata.Quote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The evaluation queue: one job per user and symbol, users served in turn. */
class FairQueueTest {

    private static Quote quote(String symbol, double price) {
        Instant now = Instant.parse("2025-06-11T15:00:00Z");
        return new Quote(symbol, price, 0, 0, "USD", now, "demo", true, now, false);
    }

    private static List<FairQueue.Job> drain(FairQueue queue) {
        List<FairQueue.Job> jobs = new ArrayList<>();
        for (Optional<FairQueue.Job> job = queue.poll(); job.isPresent(); job = queue.poll()) {
            jobs.add(job.get());
        }
        return jobs;
    }

    @Test
    void test_aUserWithAHundredSymbols_delaysAnotherUserByOneJobAtMost() {
        FairQueue queue = new FairQueue();
        UUID busy = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            queue.offer(new FairQueue.Job(busy, "S" + i, quote("S" + i, 10)));
        }
        queue.offer(new FairQueue.Job(other, "AAPL", quote("AAPL", 10)));

        List<FairQueue.Job> order = drain(queue);

        assertThat(order).hasSize(101);
        assertThat(order.get(0).owner()).isEqualTo(busy);
        assertThat(order.get(1).owner()).as("served second, not 101st").isEqualTo(other);
        assertThat(order.subList(2, 101)).allMatch(job -> job.owner().equals(busy));
    }

    @Test
    void test_ticksOfOneSymbol_conflateToTheLatest_andTheQueueStaysBounded() {
        FairQueue queue = new FairQueue();
        UUID user = UUID.randomUUID();
        for (int tick = 1; tick <= 10_000; tick++) {
            queue.offer(new FairQueue.Job(user, "BTC-USD", quote("BTC-USD", tick)));
            queue.offer(new FairQueue.Job(user, "ETH-USD", quote("ETH-USD", tick)));
        }

        assertThat(queue.size()).isEqualTo(2);
        List<FairQueue.Job> jobs = drain(queue);
        assertThat(jobs).extracting(FairQueue.Job::symbol).containsExactly("BTC-USD", "ETH-USD");
        assertThat(jobs).allMatch(job -> job.quote().price() == 10_000);
    }

    @Test
    void test_aJobForTheUsersOwnQuote_isNotReplacedByAPublicTick() {
        FairQueue queue = new FairQueue();
        UUID user = UUID.randomUUID();
        queue.offer(new FairQueue.Job(user, "AAPL", null));
        queue.offer(new FairQueue.Job(user, "AAPL", quote("AAPL", 5)));

        assertThat(drain(queue)).containsExactly(new FairQueue.Job(user, "AAPL", null));
    }

    @Test
    void test_take_waitsForAJob() throws Exception {
        FairQueue queue = new FairQueue();
        UUID user = UUID.randomUUID();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            queue.offer(new FairQueue.Job(user, "AAPL", null));
        });

        assertThat(queue.take().owner()).isEqualTo(user);
        assertThat(queue.size()).isZero();
    }
}
