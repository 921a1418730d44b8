package dev.sextant.mcp.internal;

import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.streams.QuoteFeed;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * MCP sessions' subscriptions to quote resources: each one a {@link QuoteFeed} subscription for the
 * session's caller, whose every quote becomes a {@code notifications/resources/updated} for that
 * session (the client then reads the resource). Closed on unsubscribe, when the session ends
 * ({@code DELETE}, or a request naming it is answered 404), or once the session has sent nothing for
 * {@link #IDLE} (the SDK drops idle sessions silently; a client that listens sends pings or requests).
 */
final class QuoteSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(QuoteSubscriptions.class);
    static final int PER_SESSION = 50;
    static final java.time.Duration IDLE = java.time.Duration.ofMinutes(30);

    /** Delivers a notification to one session; fails when the session is gone. */
    interface Notifier {
        reactor.core.publisher.Mono<Void> notify(String sessionId, String method, Object params);
    }

    private final ObjectProvider<QuoteFeed> feed;
    private final Notifier notifier;
    private final Map<String, Map<String, QuoteFeed.Subscription>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    QuoteSubscriptions(ObjectProvider<QuoteFeed> feed, Notifier notifier) {
        this.feed = feed;
        this.notifier = notifier;
    }

    /** Starts updates of {@code uri} to the session; answers why not when it cannot. */
    Optional<String> subscribe(String sessionId, Caller caller, String uri) {
        Optional<String> symbol = McpResources.quoteSymbol(uri);
        if (symbol.isEmpty()) {
            return Optional.of("Only quote resources (sextant://quotes/{symbol}) can be subscribed to.");
        }
        QuoteFeed quotes = feed.getIfAvailable();
        if (quotes == null) {
            return Optional.of("Live quotes are not available on this server.");
        }
        Map<String, QuoteFeed.Subscription> held = sessions.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>());
        lastSeen.put(sessionId, System.nanoTime());
        if (held.containsKey(uri)) {
            return Optional.empty();
        }
        if (held.size() >= PER_SESSION) {
            return Optional.of(
                    "A session may subscribe to at most " + PER_SESSION + " quotes; unsubscribe from one first.");
        }
        try {
            QuoteFeed.Subscription subscription =
                    quotes.subscribe(caller, symbol.get(), quote -> updated(sessionId, uri));
            QuoteFeed.Subscription earlier = held.putIfAbsent(uri, subscription);
            if (earlier != null) {
                subscription.close();
            }
            return Optional.empty();
        } catch (DomainException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** The session sent a request: it is alive. */
    void seen(String sessionId) {
        if (sessions.containsKey(sessionId)) {
            lastSeen.put(sessionId, System.nanoTime());
        }
    }

    void unsubscribe(String sessionId, String uri) {
        Map<String, QuoteFeed.Subscription> held = sessions.get(sessionId);
        if (held != null) {
            QuoteFeed.Subscription subscription = held.remove(uri);
            if (subscription != null) {
                subscription.close();
            }
        }
    }

    void sessionEnded(String sessionId) {
        lastSeen.remove(sessionId);
        Map<String, QuoteFeed.Subscription> held = sessions.remove(sessionId);
        if (held != null) {
            held.values().forEach(QuoteFeed.Subscription::close);
        }
    }

    int count(String sessionId) {
        Map<String, QuoteFeed.Subscription> held = sessions.get(sessionId);
        return held == null ? 0 : held.size();
    }

    void closeAll() {
        sessions.keySet().forEach(this::sessionEnded);
    }

    private void updated(String sessionId, String uri) {
        Long seen = lastSeen.get(sessionId);
        if (seen == null || System.nanoTime() - seen > IDLE.toNanos()) {
            sessionEnded(sessionId);
            return;
        }
        notifier.notify(
                        sessionId,
                        McpSchema.METHOD_NOTIFICATION_RESOURCES_UPDATED,
                        new McpSchema.ResourcesUpdatedNotification(uri))
                .subscribe(null, gone -> {
                    log.debug(
                            "Quote updates for a closed MCP session stopped: {}",
                            gone.getClass().getSimpleName());
                    sessionEnded(sessionId);
                });
    }
}
