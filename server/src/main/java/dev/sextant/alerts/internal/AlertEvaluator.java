package dev.sextant.alerts.internal;

import dev.sextant.alerts.Alerts;
import dev.sextant.analytics.query.ComputeBudgetExceeded;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.query.QueryInvalid;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.streams.UserStreams;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One evaluation round: one owner's active alerts on one symbol, on one quote. Each alert's
 * condition goes through the query engine ({@link QueryEngine#evaluate}) on the owner's daily bars
 * ending at the live price; an alert whose condition becomes true fires ({@link EdgeTrigger}), the
 * firing is claimed in the database (so that several nodes evaluating the same alert fire it once),
 * stored, and sent as an {@code alert} message to the owner's streams. Runs on the evaluation
 * threads, never on the quote path. Thread-safe.
 */
final class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final QueryEngine engine;
    private final MarketDataService market;
    private final DailyBars daily;
    private final AlertRepository repository;
    private final UserStreams streams;
    private final JsonMapper json;
    private final EdgeTrigger trigger;
    private final Clock clock;

    AlertEvaluator(
            QueryEngine engine,
            MarketDataService market,
            DailyBars daily,
            AlertRepository repository,
            UserStreams streams,
            JsonMapper json,
            EdgeTrigger trigger,
            Clock clock) {
        this.engine = engine;
        this.market = market;
        this.daily = daily;
        this.repository = repository;
        this.streams = streams;
        this.json = json;
        this.trigger = trigger;
        this.clock = clock;
    }

    /** Evaluates {@code alerts} (the job owner's, on the job's symbol) and fires those that became true. */
    void evaluate(FairQueue.Job job, List<LiveAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        Caller owner = Caller.session(new UserId(job.owner()), Role.USER);
        LiveData data;
        try {
            // A job without a quote follows a quote bought with the owner's own key: read it as them.
            Quote quote = job.quote() != null ? job.quote() : market.quote(owner, job.symbol());
            data = new LiveData(job.symbol(), quote, owner, daily);
        } catch (DomainException e) {
            log.debug("No quote of {} for {}'s alerts now: {}", job.symbol(), job.owner(), e.getMessage());
            return;
        }
        for (LiveAlert alert : alerts) {
            try {
                synchronized (alert) {
                    evaluate(alert, data);
                }
            } catch (DomainException | QueryInvalid | ComputeBudgetExceeded e) {
                log.debug("Alert {} could not be evaluated now: {}", alert.id, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Alert {} failed to evaluate", alert.id, e);
            }
        }
    }

    private void evaluate(LiveAlert alert, LiveData data) {
        QueryEngine.Evaluation evaluation = engine.evaluate(alert.track, data);
        // Microseconds: what the database keeps, so the message, the history and the alert agree.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        boolean fires = trigger.fires(alert.met, evaluation.met(), alert.lastFiredAt, now);
        alert.met = evaluation.met();
        alert.lastEvaluatedAt = now;
        alert.unwritten = true;
        if (!fires) {
            return;
        }
        alert.lastFiredAt = now;
        if (!repository.claimFiring(alert.id, now, trigger.cooledDownBy(now))) {
            return; // paused or deleted meanwhile, or another node fired it
        }
        Map<String, @Nullable Double> values = new LinkedHashMap<>();
        evaluation.readings().forEach(reading -> values.put(reading.metric(), reading.value()));
        Quote quote = data.quote();
        Alerts.Firing firing = new Alerts.Firing(
                alert.id, alert.symbol(), now, quote.price(), quote.time(), values, quote.provider(), data.demo());
        repository.insertFiring(alert.id, now, json.writeValueAsString(firing));
        streams.send(new UserId(alert.owner), "alert", message(alert, firing));
    }

    /** The stream message's data: the firing and the condition that fired. */
    private static Map<String, Object> message(LiveAlert alert, Alerts.Firing firing) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alert", firing.alertId().toString());
        data.put("symbol", firing.symbol());
        data.put("condition", alert.track.conditionText());
        data.put("firedAt", firing.firedAt().toString());
        data.put("price", firing.price());
        data.put("priceTime", firing.priceTime().toString());
        data.put("values", firing.values());
        data.put("provider", firing.provider());
        data.put("demo", firing.demo());
        return data;
    }
}
