package dev.sextant.watchlists.internal;

import dev.sextant.watchlists.Watchlists.Watchlist;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Watchlists; every read and write is keyed by the owner's id, so one user never reaches another's. */
@Repository
class WatchlistRepository {

    private final JdbcClient jdbc;

    WatchlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Watchlist> findByOwner(UUID owner) {
        Map<UUID, Watchlist> lists = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name, created_at, updated_at FROM watchlist WHERE owner_id = :owner ORDER BY name")
                .param("owner", owner)
                .query((row, n) -> new Watchlist(
                        row.getObject("id", UUID.class),
                        row.getString("name"),
                        new ArrayList<>(),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("updated_at").toInstant()))
                .list()
                .forEach(list -> lists.put(list.id(), list));
        if (!lists.isEmpty()) {
            jdbc.sql(
                            "SELECT s.watchlist_id, s.symbol FROM watchlist_symbol s JOIN watchlist w ON w.id = s.watchlist_id "
                                    + "WHERE w.owner_id = :owner ORDER BY s.watchlist_id, s.position")
                    .param("owner", owner)
                    .query((row, n) -> Map.entry(row.getObject("watchlist_id", UUID.class), row.getString("symbol")))
                    .list()
                    .forEach(entry -> lists.get(entry.getKey()).symbols().add(entry.getValue()));
        }
        return lists.values().stream()
                .map(list -> new Watchlist(
                        list.id(), list.name(), List.copyOf(list.symbols()), list.createdAt(), list.updatedAt()))
                .toList();
    }

    Optional<Watchlist> find(UUID owner, UUID id) {
        return findByOwner(owner).stream().filter(list -> list.id().equals(id)).findFirst();
    }

    long count(UUID owner) {
        return jdbc.sql("SELECT COUNT(*) FROM watchlist WHERE owner_id = :owner")
                .param("owner", owner)
                .query(Long.class)
                .single();
    }

    void insert(UUID owner, UUID id, String name, List<String> symbols, Instant now) {
        jdbc.sql("INSERT INTO watchlist (id, owner_id, name, created_at, updated_at) VALUES (:id, :owner, :name, "
                        + ":now, :now)")
                .param("id", id)
                .param("owner", owner)
                .param("name", name)
                .param("now", Timestamp.from(now))
                .update();
        insertSymbols(id, symbols);
    }

    /** Replaces name and symbols if the list is the owner's; false when it is not (or does not exist). */
    boolean replace(UUID owner, UUID id, String name, List<String> symbols, Instant now) {
        int updated = jdbc.sql(
                        "UPDATE watchlist SET name = :name, updated_at = :now WHERE id = :id AND owner_id = :owner")
                .param("name", name)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("owner", owner)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM watchlist_symbol WHERE watchlist_id = :id")
                .param("id", id)
                .update();
        insertSymbols(id, symbols);
        return true;
    }

    boolean delete(UUID owner, UUID id) {
        return jdbc.sql("DELETE FROM watchlist WHERE id = :id AND owner_id = :owner")
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    private void insertSymbols(UUID id, List<String> symbols) {
        for (int i = 0; i < symbols.size(); i++) {
            jdbc.sql("INSERT INTO watchlist_symbol (watchlist_id, position, symbol) VALUES (:id, :position, :symbol)")
                    .param("id", id)
                    .param("position", i)
                    .param("symbol", symbols.get(i))
                    .update();
        }
    }

    /** Every symbol on anyone's watchlist, each once, at most {@code limit}. */
    List<String> allSymbols(int limit) {
        return jdbc
                .sql("SELECT DISTINCT symbol FROM watchlist_symbol ORDER BY symbol")
                .query(String.class)
                .list()
                .stream()
                .limit(limit)
                .toList();
    }
}
