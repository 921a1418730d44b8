package dev.sextant.alerts.internal;

import dev.sextant.alerts.Alerts;
import dev.sextant.alerts.Alerts.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alerts and their firings. Every read and write a user asks for is keyed by the owner's id, so one
 * user never reaches another's; the evaluator's writes are keyed by the alert alone.
 */
@Repository
class AlertRepository {

    /** A row of {@code alert}; {@code met} is whether the condition held at the last evaluation. */
    record StoredAlert(
            UUID id,
            UUID owner,
            String symbol,
            String statement,
            String condition,
            State state,
            Instant createdAt,
            @Nullable Instant lastEvaluatedAt,
            @Nullable Instant lastFiredAt,
            boolean met) {

        Alerts.Alert view() {
            return new Alerts.Alert(id, symbol, statement, condition, state, createdAt, lastEvaluatedAt, lastFiredAt);
        }
    }

    /** An evaluation to write: when, and whether the condition held. */
    record Evaluated(UUID id, Instant at, boolean met) {}

    private static final String COLUMNS = "id, owner_id, symbol, statement_text, condition_text, state, created_at, "
            + "last_evaluated_at, last_fired_at, condition_met";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredAlert alert) {
        jdbc.sql("INSERT INTO alert (" + COLUMNS + ") VALUES (:id, :owner, :symbol, :statement, :condition, :state, "
                        + ":created, NULL, NULL, FALSE)")
                .param("id", alert.id())
                .param("owner", alert.owner())
                .param("symbol", alert.symbol())
                .param("statement", alert.statement())
                .param("condition", alert.condition())
                .param("state", alert.state().wireName())
                .param("created", Timestamp.from(alert.createdAt()))
                .update();
    }

    List<StoredAlert> findByOwner(UUID owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE owner_id = :owner ORDER BY created_at, id")
                .param("owner", owner)
                .query(AlertRepository::row)
                .list();
    }

    Optional<StoredAlert> find(UUID owner, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE id = :id AND owner_id = :owner")
                .param("id", id)
                .param("owner", owner)
                .query(AlertRepository::row)
                .optional();
    }

    long count(UUID owner) {
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE owner_id = :owner")
                .param("owner", owner)
                .query(Long.class)
                .single();
    }

    /** Every active alert, for the live index. */
    List<StoredAlert> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE state = 'active'")
                .query(AlertRepository::row)
                .list();
    }

    /** Every symbol with an active alert, each once, at most {@code limit}. */
    List<String> activeSymbols(int limit) {
        return jdbc
                .sql("SELECT DISTINCT symbol FROM alert WHERE state = 'active' ORDER BY symbol")
                .query(String.class)
                .list()
                .stream()
                .limit(limit)
                .toList();
    }

    /**
     * Sets the state if the alert is the owner's; a resumed alert starts unmet again (re-armed), so
     * a condition that holds when it is resumed fires at its first evaluation.
     */
    boolean setState(UUID owner, UUID id, State state) {
        return jdbc.sql("UPDATE alert SET state = :state, condition_met = FALSE WHERE id = :id AND owner_id = :owner"
                                + " AND state <> :state")
                        .param("state", state.wireName())
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    boolean delete(UUID owner, UUID id) {
        return jdbc.sql("DELETE FROM alert WHERE id = :id AND owner_id = :owner")
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    /**
     * Claims a firing: true for exactly one caller per firing across every node sharing the
     * database, and only while the alert is active and its cooldown (last fired at or before
     * {@code cooledDownBy}) has passed.
     */
    boolean claimFiring(UUID id, Instant firedAt, Instant cooledDownBy) {
        return jdbc.sql("UPDATE alert SET last_fired_at = :firedAt, last_evaluated_at = :firedAt, condition_met = TRUE"
                                + " WHERE id = :id AND state = 'active'"
                                + " AND (last_fired_at IS NULL OR last_fired_at <= :cooledDownBy)")
                        .param("firedAt", Timestamp.from(firedAt))
                        .param("cooledDownBy", Timestamp.from(cooledDownBy))
                        .param("id", id)
                        .update()
                == 1;
    }

    void insertFiring(UUID id, Instant firedAt, String valuesJson) {
        jdbc.sql("INSERT INTO alert_firing (alert_id, fired_at, values_json) VALUES (:id, :firedAt, :values)")
                .param("id", id)
                .param("firedAt", Timestamp.from(firedAt))
                .param("values", valuesJson)
                .update();
    }

    /** The owner's alert's firings, newest first; empty for an alert that is not the owner's. */
    List<String> firings(UUID owner, UUID id, int limit) {
        return jdbc.sql("SELECT f.values_json FROM alert_firing f JOIN alert a ON a.id = f.alert_id"
                        + " WHERE a.id = :id AND a.owner_id = :owner ORDER BY f.fired_at DESC LIMIT :limit")
                .param("id", id)
                .param("owner", owner)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Writes evaluations batched by the evaluator (of alerts that still exist; deleted ones are skipped). */
    void recordEvaluations(List<Evaluated> evaluations) {
        for (Evaluated evaluated : evaluations) {
            jdbc.sql(
                            "UPDATE alert SET last_evaluated_at = :at, condition_met = :met WHERE id = :id AND state = 'active'")
                    .param("at", Timestamp.from(evaluated.at()))
                    .param("met", evaluated.met())
                    .param("id", evaluated.id())
                    .update();
        }
    }

    private static StoredAlert row(ResultSet row, int n) throws SQLException {
        return new StoredAlert(
                row.getObject("id", UUID.class),
                row.getObject("owner_id", UUID.class),
                row.getString("symbol"),
                row.getString("statement_text"),
                row.getString("condition_text"),
                State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("last_evaluated_at")),
                instant(row.getTimestamp("last_fired_at")),
                row.getBoolean("condition_met"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
