package dev.sextant.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit table: appends and reads only; nothing here updates or deletes an event. */
@Repository
class AuditRepository {

    record Head(long lastSeq, String lastHash) {}

    /** Filters of the admin query; null means any. */
    record Query(String type, String actor, Instant from, Instant to, int page, int size) {}

    private static final String COLUMNS =
            "seq, occurred_at, type, actor, subject, client_address, request_id, " + "details, prev_hash, hash";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads and locks the chain head: appends on every node queue here, one at a time. */
    Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((row, n) -> new Head(row.getLong("last_seq"), row.getString("last_hash")))
                .single();
    }

    Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((row, n) -> new Head(row.getLong("last_seq"), row.getString("last_hash")))
                .single();
    }

    void append(AuditRecord record) {
        jdbc.sql("INSERT INTO audit_event (" + COLUMNS + ") VALUES (:seq, :at, :type, :actor, :subject, :address, "
                        + ":requestId, :details, :prev, :hash)")
                .param("seq", record.seq())
                .param("at", Timestamp.from(record.occurredAt()))
                .param("type", record.type())
                .param("actor", record.actor())
                .param("subject", record.subject())
                .param("address", record.clientAddress())
                .param("requestId", record.requestId())
                .param("details", record.details())
                .param("prev", record.prevHash())
                .param("hash", record.hash())
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", record.seq())
                .param("hash", record.hash())
                .update();
    }

    /** Events in chain order, from {@code afterSeq} on, at most {@code limit}. */
    List<AuditRecord> chain(long afterSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE seq > :after ORDER BY seq LIMIT :limit")
                .param("after", afterSeq)
                .param("limit", limit)
                .query(AuditRepository::map)
                .list();
    }

    List<AuditRecord> find(Query query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.type() != null) {
            sql.append(" AND type = :type");
            params.put("type", query.type());
        }
        if (query.actor() != null) {
            sql.append(" AND actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        sql.append(" ORDER BY seq DESC LIMIT :limit OFFSET :offset");
        params.put("limit", query.size() + 1);
        params.put("offset", (long) query.page() * query.size());
        return new ArrayList<>(jdbc.sql(sql.toString())
                .params(params)
                .query(AuditRepository::map)
                .list());
    }

    private static AuditRecord map(ResultSet row, int n) throws SQLException {
        return new AuditRecord(
                row.getLong("seq"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("type"),
                row.getString("actor"),
                row.getString("subject"),
                row.getString("client_address"),
                row.getString("request_id"),
                row.getString("details"),
                row.getString("prev_hash"),
                row.getString("hash"));
    }
}
