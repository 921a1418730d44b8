package dev.sextant.alerts.internal;

import dev.sextant.analytics.query.Ast;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.events.QuoteRefreshed;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.streams.QuoteFeed;
import dev.sextant.streams.UserStreams;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's active alerts by symbol, and the quotes they are evaluated on.
 *
 * <p>Each symbol with an active alert holds one subscription to the {@link QuoteFeed} at the
 * evaluation interval: the feed keeps the symbol's quotes flowing (the demo market's ticks every
 * 100 ms, a provider's quote polled within its freshness budget, at once after a
 * {@link QuoteRefreshed}), and its quotes are data any user may see, so every owner's alerts on the
 * symbol are evaluated on them. A {@code QuoteRefreshed} bought with one user's own provider key
 * queues an evaluation of that user's alerts only, on their own quote. The quote path only queues
 * (one job per owner and symbol, {@link FairQueue}); {@code threads} evaluation threads take the
 * jobs in turn between users.
 *
 * <p>The index is loaded from the database at start, updated at once by this node's writes, and
 * read again every {@code reloadInterval}, so alerts written on another node sharing the database
 * are evaluated here too; firings are claimed in the database, so each fires once.
 */
@Component
class AlertWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertWatch.class);
    private static final long WRITE_EVERY_MS = 5_000;

    /** The alerts on one symbol and the feed subscription that brings its quotes. */
    private static final class Watched {
        final Map<UUID, LiveAlert> alerts = new ConcurrentHashMap<>();
        volatile QuoteFeed.@Nullable Subscription subscription;
    }

    private final AlertRepository repository;
    private final QuoteFeed feed;
    private final AlertProperties properties;
    private final QueryEngine engine;
    private final DailyBars daily;
    private final AlertEvaluator evaluator;
    private final FairQueue queue = new FairQueue();
    private final Map<String, Watched> bySymbol = new ConcurrentHashMap<>();
    private volatile @Nullable ScheduledExecutorService housekeeping;
    private final List<Thread> workers = new ArrayList<>();

    AlertWatch(
            AlertRepository repository,
            QuoteFeed feed,
            MarketDataService market,
            UserStreams streams,
            JsonMapper json,
            Clock clock,
            AlertProperties properties) {
        this.repository = repository;
        this.feed = feed;
        this.properties = properties;
        this.engine = AlertStatements.engine(clock);
        this.daily = new DailyBars(market, clock, properties.barsTtl());
        this.evaluator = new AlertEvaluator(
                engine, market, daily, repository, streams, json, new EdgeTrigger(properties.cooldown()), clock);
    }

    /** Starts evaluating a stored active alert here (or replaces it, re-armed). */
    void watch(AlertRepository.StoredAlert stored) {
        Ast.Track track = AlertStatements.track(engine, stored.statement());
        LiveAlert alert = new LiveAlert(stored.id(), stored.owner(), track, stored.met(), stored.lastFiredAt());
        Watched watched = bySymbol.computeIfAbsent(stored.symbol(), symbol -> new Watched());
        watched.alerts.put(alert.id, alert);
        subscribe(stored.symbol(), watched, stored.owner());
    }

    /** Stops evaluating an alert (paused or deleted). */
    void unwatch(UUID id, String symbol) {
        bySymbol.computeIfPresent(symbol, (key, watched) -> {
            watched.alerts.remove(id);
            if (!watched.alerts.isEmpty()) {
                return watched;
            }
            QuoteFeed.Subscription subscription = watched.subscription;
            if (subscription != null) {
                subscription.close();
            }
            return null;
        });
    }

    /** How many alerts this node evaluates now. */
    int watching() {
        return bySymbol.values().stream().mapToInt(w -> w.alerts.size()).sum();
    }

    private void subscribe(String symbol, Watched watched, UUID owner) {
        if (watched.subscription != null) {
            return;
        }
        synchronized (watched) {
            if (watched.subscription != null) {
                return;
            }
            try {
                // The owner's read checks the symbol as the face refuses it; the feed's quotes are public.
                watched.subscription = feed.subscribe(
                        Caller.session(new UserId(owner), Role.USER),
                        symbol,
                        properties.evaluationInterval(),
                        quote -> onQuote(symbol, quote));
            } catch (DomainException e) {
                // Retried at each reload: debug, not to repeat a line every few seconds.
                log.debug("Alerts on {} wait for a quote: {}", symbol, e.getMessage());
            }
        }
    }

    /** On the feed's thread: queue one job per owner with alerts on the symbol, nothing more. */
    private void onQuote(String symbol, Quote quote) {
        Watched watched = bySymbol.get(symbol);
        if (watched == null) {
            return;
        }
        Set<UUID> owners = new HashSet<>();
        for (LiveAlert alert : watched.alerts.values()) {
            if (owners.add(alert.owner)) {
                queue.offer(new FairQueue.Job(alert.owner, symbol, quote));
            }
        }
    }

    /** A quote bought with one user's own key is that user's news only: their alerts, their quote. */
    @EventListener
    void on(QuoteRefreshed refreshed) {
        if (refreshed.keyOwner().isEmpty()) {
            return; // the feed polls public quotes at once after a refresh
        }
        UUID owner = refreshed.keyOwner().get().value();
        Watched watched = bySymbol.get(refreshed.symbol());
        if (watched != null && watched.alerts.values().stream().anyMatch(a -> a.owner.equals(owner))) {
            queue.offer(new FairQueue.Job(owner, refreshed.symbol(), null));
        }
    }

    private List<LiveAlert> alertsOf(UUID owner, String symbol) {
        Watched watched = bySymbol.get(symbol);
        if (watched == null) {
            return List.of();
        }
        return watched.alerts.values().stream()
                .filter(alert -> alert.owner.equals(owner))
                .toList();
    }

    /** Reads the active alerts again: adds new ones, drops those paused or deleted elsewhere. */
    void reload() {
        Map<UUID, AlertRepository.StoredAlert> active = new java.util.HashMap<>();
        repository.active().forEach(stored -> active.put(stored.id(), stored));
        for (Map.Entry<String, Watched> entry : bySymbol.entrySet()) {
            for (LiveAlert alert : List.copyOf(entry.getValue().alerts.values())) {
                AlertRepository.StoredAlert stored = active.remove(alert.id);
                if (stored == null) {
                    unwatch(alert.id, entry.getKey());
                } else if (stored.lastFiredAt() != null
                        && (alert.lastFiredAt == null || stored.lastFiredAt().isAfter(alert.lastFiredAt))) {
                    alert.lastFiredAt = stored.lastFiredAt(); // fired by another node
                }
            }
        }
        for (AlertRepository.StoredAlert stored : active.values()) {
            try {
                watch(stored);
            } catch (RuntimeException e) {
                log.warn("Active alert {} cannot be evaluated: {}", stored.id(), e.getMessage());
            }
        }
        bySymbol.values().stream()
                .filter(watched -> watched.subscription == null && !watched.alerts.isEmpty())
                .forEach(watched -> {
                    LiveAlert any = watched.alerts.values().iterator().next();
                    subscribe(any.symbol(), watched, any.owner);
                });
        daily.evictStale();
    }

    /** Writes when each alert was last evaluated and whether it held, batched. */
    void writeEvaluations() {
        List<AlertRepository.Evaluated> evaluated = new ArrayList<>();
        for (Watched watched : bySymbol.values()) {
            for (LiveAlert alert : watched.alerts.values()) {
                if (alert.unwritten && alert.lastEvaluatedAt != null) {
                    alert.unwritten = false;
                    evaluated.add(new AlertRepository.Evaluated(alert.id, alert.lastEvaluatedAt, alert.met));
                }
            }
        }
        if (!evaluated.isEmpty()) {
            repository.recordEvaluations(evaluated);
        }
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                FairQueue.Job job = queue.take();
                evaluator.evaluate(job, alertsOf(job.owner(), job.symbol()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("An alert evaluation failed", e);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (housekeeping != null) {
            return;
        }
        try {
            reload();
        } catch (RuntimeException e) {
            log.warn("Active alerts could not be loaded; retrying in {}", properties.reloadInterval(), e);
        }
        for (int i = 0; i < properties.threads(); i++) {
            workers.add(
                    Thread.ofPlatform().name("alert-evaluation-" + i).daemon().start(this::work));
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alert-housekeeping").daemon().factory());
        long reloadMs = properties.reloadInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> guarded(this::reload), reloadMs, reloadMs, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                () -> guarded(this::writeEvaluations), WRITE_EVERY_MS, WRITE_EVERY_MS, TimeUnit.MILLISECONDS);
        housekeeping = scheduler;
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Alert housekeeping failed; it goes on at the next round", e);
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService scheduler = housekeeping;
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        housekeeping = null;
        workers.forEach(Thread::interrupt);
        workers.clear();
        guarded(this::writeEvaluations);
        for (Watched watched : bySymbol.values()) {
            QuoteFeed.Subscription subscription = watched.subscription;
            if (subscription != null) {
                subscription.close();
            }
        }
        bySymbol.clear();
    }

    @Override
    public boolean isRunning() {
        return housekeeping != null;
    }
}
