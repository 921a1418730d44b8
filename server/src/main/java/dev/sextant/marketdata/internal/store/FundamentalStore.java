package dev.sextant.marketdata.internal.store;

import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.internal.provider.FundamentalFact;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stored company facts, point in time by filing date; writes only add facts not yet held. */
@Repository
public class FundamentalStore {

    /** When a symbol's facts were last fetched, and from whom. */
    public record Fetch(String provider, Instant fetchedAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    FundamentalStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Fetch> lastFetch(String symbol) {
        return jdbc.sql("SELECT provider, fetched_at FROM fundamental_fetch WHERE symbol = ?")
                .params(symbol)
                .query((row, n) ->
                        new Fetch(row.getString(1), row.getTimestamp(2).toInstant()))
                .optional();
    }

    /** Adds the facts not held yet and records the fetch; answers how many were new. */
    @Transactional
    public int write(String symbol, List<FundamentalFact> facts, String provider, Instant knownAt) {
        Set<String> held =
                Set.copyOf(jdbc.sql("SELECT concept, unit, period_end, fiscal_period, filed FROM fundamental_fact "
                                + "WHERE symbol = ?")
                        .params(symbol)
                        .query((row, n) -> key(
                                row.getString(1),
                                row.getString(2),
                                row.getDate(3).toLocalDate(),
                                row.getString(4),
                                row.getDate(5).toLocalDate()))
                        .list());
        List<Object[]> rows = new ArrayList<>();
        Set<String> adding = new java.util.HashSet<>();
        for (FundamentalFact fact : facts) {
            String key = key(fact.concept(), fact.unit(), fact.periodEnd(), fact.fiscalPeriod(), fact.filed());
            if (held.contains(key) || !adding.add(key)) {
                continue; // EDGAR repeats a fact in every later filing that restates the same figure
            }
            rows.add(new Object[] {
                symbol,
                fact.concept(),
                fact.unit(),
                Date.valueOf(fact.periodEnd()),
                fact.fiscalPeriod(),
                Date.valueOf(fact.filed()),
                fact.value(),
                Timestamp.from(knownAt),
                provider
            });
        }
        batch.batchUpdate(
                "INSERT INTO fundamental_fact (symbol, concept, unit, period_end, fiscal_period, filed, fact_value, "
                        + "known_at, provider) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        int updated = jdbc.sql("UPDATE fundamental_fetch SET provider = ?, fetched_at = ? WHERE symbol = ?")
                .params(provider, Timestamp.from(knownAt), symbol)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO fundamental_fetch (symbol, provider, fetched_at) VALUES (?, ?, ?)")
                    .params(symbol, provider, Timestamp.from(knownAt))
                    .update();
        }
        return rows.size();
    }

    /** Facts filed on or before {@code asOf}, by concept and period. */
    public List<Fundamentals.Fact> read(String symbol, LocalDate asOf, Set<String> concepts) {
        return jdbc
                .sql("SELECT concept, unit, fact_value, period_end, fiscal_period, filed FROM fundamental_fact "
                        + "WHERE symbol = ? AND filed <= ? ORDER BY concept, period_end, filed")
                .params(symbol, Date.valueOf(asOf))
                .query((row, n) -> new Fundamentals.Fact(
                        row.getString(1),
                        row.getString(2),
                        row.getDouble(3),
                        row.getDate(4).toLocalDate(),
                        row.getString(5),
                        row.getDate(6).toLocalDate()))
                .list()
                .stream()
                .filter(fact -> concepts.isEmpty() || concepts.contains(fact.concept()))
                .toList();
    }

    private static String key(String concept, String unit, LocalDate periodEnd, String fiscalPeriod, LocalDate filed) {
        return concept + "|" + unit + "|" + periodEnd + "|" + fiscalPeriod + "|" + filed;
    }
}
