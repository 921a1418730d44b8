package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.identity.AccountAdministration;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.streams.QuoteFeed;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * {@code resources/subscribe} on a quote resource over real MCP: each quote the feed delivers
 * becomes a {@code notifications/resources/updated}, unsubscribing or ending the session stops the
 * feed, and an unknown symbol is refused at once. The feed here is a {@link QuoteFeed} over the
 * market-data face that ticks every 200 ms (primary, so the real one, when present, stays out of
 * the way), to count what was opened and closed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/${random.uuid}",
            "sextant.identity.lockout.free-failures-per-address=100000",
            "sextant.ratelimit.enabled=false"
        })
@Import({FixedClockConfiguration.class, McpQuoteSubscriptionHttpTest.TickingFeed.class})
class McpQuoteSubscriptionHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TickingFeed feed;

    @Test
    void aSubscribedQuoteSendsUpdatesUntilUnsubscribed() throws Exception {
        accounts.createAccount("mcp-watcher", null, "Correct-Horse-7-Battery", Set.of(Role.USER), false);
        HttpTestClient anonymous = new HttpTestClient(port);
        HttpTestClient user = anonymous.withBearer(anonymous
                .login("mcp-watcher", "Correct-Horse-7-Battery")
                .get("accessToken")
                .asString());
        String key = McpClients.createKey(user, "marketdata:read")[1];
        List<String> updated = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = McpClients.connect(
                port,
                key,
                spec -> spec.resourcesUpdateConsumer(contents -> contents.forEach(c -> updated.add(c.uri()))))) {
            client.subscribeResource(new McpSchema.SubscribeRequest("sextant://quotes/AAPL"));
            assertThat(feed.open.get()).isEqualTo(1);
            waitFor(() -> updated.size() >= 3);
            assertThat(updated).containsOnly("sextant://quotes/AAPL");

            assertThatThrownBy(() ->
                            client.subscribeResource(new McpSchema.SubscribeRequest("sextant://quotes/NOSUCHSYM")))
                    .isInstanceOf(McpError.class);
            assertThat(feed.open.get()).isEqualTo(1);

            client.unsubscribeResource(new McpSchema.UnsubscribeRequest("sextant://quotes/AAPL"));
            // The answer may leave before the feed's close has run on a busy machine.
            waitFor(() -> feed.open.get() == 0);
            int seen = updated.size();
            Thread.sleep(1_000);
            assertThat(updated.size()).isLessThanOrEqualTo(seen + 1); // one tick may have been in flight

            client.subscribeResource(new McpSchema.SubscribeRequest("sextant://quotes/MSFT"));
            assertThat(feed.open.get()).isEqualTo(1);
        }
        // Closing the client ends its session (DELETE /mcp): its feeds close with it.
        waitFor(() -> feed.open.get() == 0);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("within 20 s").isTrue();
    }

    /** Quotes of the market-data face, delivered every 200 ms; counts open subscriptions. */
    @TestConfiguration
    static class TickingFeed {
        final AtomicInteger open = new AtomicInteger();
        private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();

        @Bean
        @Primary
        QuoteFeed tickingQuoteFeed(MarketDataService marketData) {
            return (Caller caller, String symbol, Consumer<Quote> listener) -> {
                Quote first = marketData.quote(caller, symbol); // refuses an unknown symbol
                open.incrementAndGet();
                ScheduledFuture<?> ticking =
                        ticks.scheduleAtFixedRate(() -> listener.accept(first), 0, 200, TimeUnit.MILLISECONDS);
                return () -> {
                    if (ticking.cancel(false)) {
                        open.decrementAndGet();
                    }
                };
            };
        }
    }
}
