package dev.sextant.marketdata.internal.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which account owns each imported symbol (table {@code import_owner}). */
@Repository
public class ImportOwners {

    private final JdbcClient jdbc;

    ImportOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner of an imported symbol; empty for a symbol never claimed (or imported before owners were kept). */
    public Optional<UUID> ownerOf(String symbol) {
        return jdbc.sql("SELECT owner_id FROM import_owner WHERE symbol = :symbol")
                .param("symbol", symbol)
                .query(UUID.class)
                .optional();
    }

    /**
     * Makes {@code owner} the owner of a symbol nobody owns. Returns false when another import
     * claimed it first; the primary key decides between two imports racing for a new symbol, and
     * the caller must then end its transaction (PostgreSQL refuses anything more in it).
     */
    public boolean claim(String symbol, UUID owner, Instant now) {
        try {
            jdbc.sql("INSERT INTO import_owner (symbol, owner_id, claimed_at) VALUES (:symbol, :owner, :claimedAt)")
                    .param("symbol", symbol)
                    .param("owner", owner)
                    .param("claimedAt", Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException claimedMeanwhile) {
            return false;
        }
    }
}
