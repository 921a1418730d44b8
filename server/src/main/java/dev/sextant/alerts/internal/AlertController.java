package dev.sextant.alerts.internal;

import dev.sextant.alerts.Alerts;
import dev.sextant.alerts.Alerts.Alert;
import dev.sextant.identity.RequiresScope;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's TRACK alerts: stored, listed, paused, resumed, deleted, and their firings. */
@RestController
@RequestMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Alerts", description = "Your TRACK alerts, evaluated on live quotes.")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.MARKET_DATA_READ)
class AlertController {

    static final int MAX_FIRINGS = 500;

    record TrackBody(@NotBlank String query) {}

    record StateBody(@NotNull String state) {}

    record AlertList(List<Alert> alerts) {}

    record FiringList(List<Alerts.Firing> firings) {}

    private final UserAlerts alerts;

    AlertController(UserAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "Your alerts, oldest first")
    AlertList list(Caller caller) {
        return new AlertList(alerts.owned(caller));
    }

    @RequiresScope(Scope.MARKET_DATA_WRITE)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Store an alert: {\"query\": \"TRACK AAPL WHEN PRICE > 200\"} (docs/DSL.md)")
    Alert create(Caller caller, @Valid @RequestBody TrackBody body) {
        return alerts.track(caller, body.query());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of your alerts")
    Alert get(Caller caller, @PathVariable UUID id) {
        return alerts.get(caller, id);
    }

    @RequiresScope(Scope.MARKET_DATA_WRITE)
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Pause or resume an alert: {\"state\": \"paused\"} or {\"state\": \"active\"}")
    Alert patch(Caller caller, @PathVariable UUID id, @Valid @RequestBody StateBody body) {
        Alerts.State state = switch (body.state()) {
            case "active" -> Alerts.State.ACTIVE;
            case "paused" -> Alerts.State.PAUSED;
            default -> throw DomainException.invalidParameter("state", "state is \"active\" or \"paused\".");
        };
        return alerts.setState(caller, id, state);
    }

    @RequiresScope(Scope.MARKET_DATA_WRITE)
    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause an alert: it is not evaluated until resumed")
    Alert pause(Caller caller, @PathVariable UUID id) {
        return alerts.setState(caller, id, Alerts.State.PAUSED);
    }

    @RequiresScope(Scope.MARKET_DATA_WRITE)
    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume an alert, re-armed: a condition that holds now fires at its next evaluation")
    Alert resume(Caller caller, @PathVariable UUID id) {
        return alerts.setState(caller, id, Alerts.State.ACTIVE);
    }

    @RequiresScope(Scope.MARKET_DATA_WRITE)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an alert and its firing history")
    void delete(Caller caller, @PathVariable UUID id) {
        alerts.delete(caller, id);
    }

    @GetMapping("/{id}/firings")
    @Operation(summary = "When an alert fired, newest first, with the price and each metric's value")
    FiringList firings(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = "At most this many, 1 to " + MAX_FIRINGS) @RequestParam(defaultValue = "100")
                    int limit) {
        if (limit < 1 || limit > MAX_FIRINGS) {
            throw DomainException.invalidParameter("limit", "limit runs from 1 to " + MAX_FIRINGS + ".");
        }
        return new FiringList(alerts.firings(caller, id, limit));
    }
}
