package dev.sextant.vault.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Encrypted secrets; every user-started read and write is keyed by the owner's id. */
@Repository
class VaultRepository {

    record Row(
            UUID id,
            UUID owner,
            String purpose,
            String name,
            String ciphertext,
            String wrappedKey,
            String masterKeyId,
            String masked,
            Instant createdAt) {
        @Override
        public String toString() {
            return "Row[" + id + ", " + purpose + ", " + name + "]";
        }
    }

    private static final String COLUMNS =
            "id, owner_id, purpose, name, ciphertext, wrapped_key, master_key_id, " + "masked, created_at";

    private final JdbcClient jdbc;

    VaultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row) {
        jdbc.sql("INSERT INTO vault_secret (" + COLUMNS + ") VALUES (:id, :owner, :purpose, :name, :ciphertext, "
                        + ":wrapped, :masterKeyId, :masked, :created)")
                .param("id", row.id())
                .param("owner", row.owner())
                .param("purpose", row.purpose())
                .param("name", row.name())
                .param("ciphertext", row.ciphertext())
                .param("wrapped", row.wrappedKey())
                .param("masterKeyId", row.masterKeyId())
                .param("masked", row.masked())
                .param("created", Timestamp.from(row.createdAt()))
                .update();
    }

    Optional<Row> find(UUID owner, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vault_secret WHERE id = :id AND owner_id = :owner")
                .param("id", id)
                .param("owner", owner)
                .query(VaultRepository::map)
                .optional();
    }

    Optional<Row> find(UUID owner, String purpose, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vault_secret WHERE owner_id = :owner AND purpose = :purpose "
                        + "AND name = :name")
                .param("owner", owner)
                .param("purpose", purpose)
                .param("name", name)
                .query(VaultRepository::map)
                .optional();
    }

    List<Row> findByOwner(UUID owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vault_secret WHERE owner_id = :owner ORDER BY purpose, name")
                .param("owner", owner)
                .query(VaultRepository::map)
                .list();
    }

    /** Up to {@code limit} rows whose data key is wrapped by another master key than {@code currentId}. */
    List<Row> wrappedByOtherThan(String currentId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vault_secret WHERE master_key_id <> :current ORDER BY id "
                        + "LIMIT :limit")
                .param("current", currentId)
                .param("limit", limit)
                .query(VaultRepository::map)
                .list();
    }

    /** Replaces the wrapped data key if the row is still wrapped as read; false when another rotation won. */
    boolean rewrap(UUID id, String expectedMasterKeyId, String wrappedKey, String masterKeyId) {
        return jdbc.sql("UPDATE vault_secret SET wrapped_key = :wrapped, master_key_id = :newId WHERE id = :id "
                                + "AND master_key_id = :oldId")
                        .param("wrapped", wrappedKey)
                        .param("newId", masterKeyId)
                        .param("id", id)
                        .param("oldId", expectedMasterKeyId)
                        .update()
                == 1;
    }

    boolean delete(UUID owner, UUID id) {
        return jdbc.sql("DELETE FROM vault_secret WHERE id = :id AND owner_id = :owner")
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    private static Row map(ResultSet row, int n) throws SQLException {
        return new Row(
                row.getObject("id", UUID.class),
                row.getObject("owner_id", UUID.class),
                row.getString("purpose"),
                row.getString("name"),
                row.getString("ciphertext"),
                row.getString("wrapped_key"),
                row.getString("master_key_id"),
                row.getString("masked"),
                row.getTimestamp("created_at").toInstant());
    }
}
