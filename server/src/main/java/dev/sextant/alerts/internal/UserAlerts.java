package dev.sextant.alerts.internal;

import dev.sextant.alerts.AlertRefusals;
import dev.sextant.alerts.Alerts;
import dev.sextant.analytics.query.Ast;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.QuoteInterest;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Scope;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored alerts behind the module's face, and their symbols as market data's warm set (so a
 * provider's quotes of a symbol with an active alert stay fresh even before its feed polls).
 */
@Service
class UserAlerts implements Alerts, QuoteInterest {

    private final AlertRepository repository;
    // Looked up when needed: market data's warmer asks this bean for its symbols at start-up, and the
    // watch subscribes to feeds that read market data.
    private final ObjectProvider<MarketDataService> marketData;
    private final ObjectProvider<AlertWatch> watch;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final AlertProperties properties;
    private final QueryEngine engine;

    UserAlerts(
            AlertRepository repository,
            ObjectProvider<MarketDataService> marketData,
            ObjectProvider<AlertWatch> watch,
            AuditLog audit,
            JsonMapper json,
            Clock clock,
            AlertProperties properties) {
        this.repository = repository;
        this.marketData = marketData;
        this.watch = watch;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.engine = AlertStatements.engine(clock);
    }

    /** Parses {@code text} as one TRACK statement and stores it ({@link #track(Caller, Ast.Track)}). */
    Alert track(Caller caller, String text) {
        requireWrite(caller);
        return track(caller, AlertStatements.track(engine, text));
    }

    @Override
    @Transactional
    public Alert track(Caller caller, Ast.Track track) {
        requireWrite(caller);
        if (track.conditionText().length() > AlertStatements.MAX_CONDITION) {
            throw DomainException.invalidParameter(
                    "query", "A TRACK condition has at most " + AlertStatements.MAX_CONDITION + " characters.");
        }
        Instrument instrument = marketData
                .getObject()
                .instrument(caller, track.symbol())
                .orElseThrow(() -> new DomainException(
                        MarketDataRefusals.UNKNOWN_SYMBOL,
                        "Unknown symbol: " + track.symbol() + ". GET /api/v1/search finds the known ones.",
                        Map.of("symbols", List.of(track.symbol()))));
        Ast.Track canonical = new Ast.Track(instrument.symbol(), track.condition(), track.conditionText());
        UUID owner = caller.user().value();
        if (repository.count(owner) >= properties.maxPerUser()) {
            throw new DomainException(
                    AlertRefusals.TOO_MANY_ALERTS,
                    "You can keep " + properties.maxPerUser() + " alerts; delete one first.",
                    Map.of("limit", properties.maxPerUser()));
        }
        AlertRepository.StoredAlert stored = new AlertRepository.StoredAlert(
                UUID.randomUUID(),
                owner,
                canonical.symbol(),
                canonical.text(),
                canonical.conditionText(),
                State.ACTIVE,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                null,
                null,
                false);
        repository.insert(stored);
        audit.record(
                AuditEventType.ALERT_CREATED,
                caller.user().toString(),
                stored.id().toString(),
                Map.of("symbol", stored.symbol()));
        watch.getObject().watch(stored);
        return stored.view();
    }

    @Override
    public List<Alert> owned(Caller caller) {
        return repository.findByOwner(caller.user().value()).stream()
                .map(AlertRepository.StoredAlert::view)
                .toList();
    }

    @Override
    public Alert get(Caller caller, UUID id) {
        return stored(caller, id).view();
    }

    @Override
    @Transactional
    public Alert setState(Caller caller, UUID id, State state) {
        requireWrite(caller);
        UUID owner = caller.user().value();
        AlertRepository.StoredAlert before = stored(caller, id);
        if (!repository.setState(owner, id, state)) {
            return before.view(); // already in that state
        }
        AlertRepository.StoredAlert after = stored(caller, id);
        audit.record(
                state == State.PAUSED ? AuditEventType.ALERT_PAUSED : AuditEventType.ALERT_RESUMED,
                caller.user().toString(),
                id.toString(),
                Map.of("symbol", after.symbol()));
        if (state == State.PAUSED) {
            watch.getObject().unwatch(id, after.symbol());
        } else {
            watch.getObject().watch(after);
        }
        return after.view();
    }

    @Override
    @Transactional
    public void delete(Caller caller, UUID id) {
        requireWrite(caller);
        AlertRepository.StoredAlert stored = stored(caller, id);
        if (!repository.delete(caller.user().value(), id)) {
            throw notFound();
        }
        audit.record(
                AuditEventType.ALERT_DELETED,
                caller.user().toString(),
                id.toString(),
                Map.of("symbol", stored.symbol()));
        watch.getObject().unwatch(id, stored.symbol());
    }

    @Override
    public List<Firing> firings(Caller caller, UUID id, int limit) {
        stored(caller, id);
        return repository.firings(caller.user().value(), id, limit).stream()
                .map(text -> json.readValue(text, Firing.class))
                .toList();
    }

    @Override
    public List<String> symbols(int limit) {
        return repository.activeSymbols(limit);
    }

    private AlertRepository.StoredAlert stored(Caller caller, UUID id) {
        return repository.find(caller.user().value(), id).orElseThrow(UserAlerts::notFound);
    }

    private static DomainException notFound() {
        // The same answer for another user's alert as for none: ids reveal nothing.
        return new DomainException(AlertRefusals.NOT_FOUND, "You have no alert with that id.");
    }

    /** HTTP checks the scope before this; a TRACK through the query endpoint (scope analysis) is checked here. */
    private static void requireWrite(Caller caller) {
        if (!caller.holds(Scope.MARKET_DATA_WRITE)) {
            throw new DomainException(
                    AlertRefusals.INSUFFICIENT_SCOPE,
                    "Storing or changing an alert needs the scope " + Scope.MARKET_DATA_WRITE.wireName()
                            + "; this credential does not hold it.",
                    Map.of("requiredScope", Scope.MARKET_DATA_WRITE.wireName()));
        }
    }
}
