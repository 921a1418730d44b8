package dev.sextant.marketdata.internal.store;

import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.internal.provider.FundamentalFact;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stored company facts, point in time by filing date; writes only add facts not yet held. */
@Repository
public class FundamentalStore {

    /** When a symbol's facts were last fetched, and from whom. */
    public record Fetch(String provider, Instant fetchedAt) {}

    /** The insert's column types: a balance's null start needs its type named. */
    private static final int[] INSERT_TYPES = {
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.DATE,
        Types.DATE,
        Types.VARCHAR,
        Types.DATE,
        Types.DOUBLE,
        Types.TIMESTAMP,
        Types.VARCHAR
    };

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

    /**
     * Adds the facts not held yet and records the fetch; answers how many were new. A fact held from
     * before periods were stored (a null start) is replaced by the same fact reported with its start.
     */
    @Transactional
    public int write(String symbol, List<FundamentalFact> facts, String provider, Instant knownAt) {
        Set<String> held = new java.util.HashSet<>();
        Set<String> legacy = new java.util.HashSet<>();
        jdbc.sql("SELECT concept, unit, period_start, period_end, fiscal_period, filed FROM fundamental_fact "
                        + "WHERE symbol = ?")
                .params(symbol)
                .query((row, n) -> {
                    Date start = row.getDate(3);
                    String key = key(
                            row.getString(1),
                            row.getString(2),
                            start == null ? null : start.toLocalDate(),
                            row.getDate(4).toLocalDate(),
                            row.getString(5),
                            row.getDate(6).toLocalDate());
                    held.add(key);
                    if (start == null) {
                        legacy.add(key);
                    }
                    return key;
                })
                .list();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> replaced = new ArrayList<>();
        Set<String> adding = new java.util.HashSet<>();
        for (FundamentalFact fact : facts) {
            String key = key(
                    fact.concept(),
                    fact.unit(),
                    fact.periodStart(),
                    fact.periodEnd(),
                    fact.fiscalPeriod(),
                    fact.filed());
            if (held.contains(key) || !adding.add(key)) {
                continue; // EDGAR repeats a fact in every later filing that restates the same figure
            }
            String withoutStart =
                    key(fact.concept(), fact.unit(), null, fact.periodEnd(), fact.fiscalPeriod(), fact.filed());
            if (fact.periodStart() != null && legacy.remove(withoutStart)) {
                replaced.add(new Object[] {
                    symbol,
                    fact.concept(),
                    fact.unit(),
                    Date.valueOf(fact.periodEnd()),
                    fact.fiscalPeriod(),
                    Date.valueOf(fact.filed())
                });
            }
            rows.add(new Object[] {
                symbol,
                fact.concept(),
                fact.unit(),
                fact.periodStart() == null ? null : Date.valueOf(fact.periodStart()),
                Date.valueOf(fact.periodEnd()),
                fact.fiscalPeriod(),
                Date.valueOf(fact.filed()),
                fact.value(),
                Timestamp.from(knownAt),
                provider
            });
        }
        batch.batchUpdate(
                "DELETE FROM fundamental_fact WHERE symbol = ? AND period_start IS NULL AND concept = ? AND unit = ? "
                        + "AND period_end = ? AND fiscal_period = ? AND filed = ?",
                replaced);
        batch.batchUpdate(
                "INSERT INTO fundamental_fact (symbol, concept, unit, period_start, period_end, fiscal_period, filed, "
                        + "fact_value, known_at, provider) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                INSERT_TYPES);
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
                .sql("SELECT concept, unit, fact_value, period_start, period_end, fiscal_period, filed "
                        + "FROM fundamental_fact WHERE symbol = ? AND filed <= ? "
                        + "ORDER BY concept, period_end, period_start, filed")
                .params(symbol, Date.valueOf(asOf))
                .query((row, n) -> new Fundamentals.Fact(
                        row.getString(1),
                        row.getString(2),
                        row.getDouble(3),
                        row.getDate(4) == null ? null : row.getDate(4).toLocalDate(),
                        row.getDate(5).toLocalDate(),
                        row.getString(6),
                        row.getDate(7).toLocalDate()))
                .list()
                .stream()
                .filter(fact -> concepts.isEmpty() || concepts.contains(fact.concept()))
                .toList();
    }

    private static String key(
            String concept,
            String unit,
            @Nullable LocalDate periodStart,
            LocalDate periodEnd,
            String fiscalPeriod,
            LocalDate filed) {
        return concept + "|" + unit + "|" + periodStart + "|" + periodEnd + "|" + fiscalPeriod + "|" + filed;
    }
}
