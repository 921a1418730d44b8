package dev.sextant.marketdata.internal.catalog;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The instrument catalog in the database. */
@Repository
public class InstrumentRepository {

    private static final String COLUMNS = "symbol, name, exchange, asset_class, currency, provider, demo";

    private final JdbcClient jdbc;

    InstrumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Instrument> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instrument ORDER BY symbol")
                .query(InstrumentRepository::map)
                .list();
    }

    public Optional<Instrument> findBySymbol(String symbol) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instrument WHERE symbol = :symbol")
                .param("symbol", symbol)
                .query(InstrumentRepository::map)
                .optional();
    }

    /**
     * Adds the instrument unless its symbol is already there. Returns whether it was added; a node
     * that loses a race with another node starting at the same time gets {@code false}.
     */
    public boolean addIfAbsent(Instrument instrument, Instant now) {
        if (findBySymbol(instrument.symbol()).isPresent()) {
            return false;
        }
        try {
            jdbc.sql(
                            "INSERT INTO instrument (" + COLUMNS + ", created_at) "
                                    + "VALUES (:symbol, :name, :exchange, :assetClass, :currency, :provider, :demo, :createdAt)")
                    .param("symbol", instrument.symbol())
                    .param("name", instrument.name())
                    .param("exchange", instrument.exchange())
                    .param("assetClass", instrument.assetClass().name())
                    .param("currency", instrument.currency())
                    .param("provider", instrument.provider())
                    .param("demo", instrument.demo())
                    .param("createdAt", Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException addedMeanwhile) {
            return false;
        }
    }

    /**
     * Adds the instrument, or replaces the row of its symbol: a symbol whose source stopped serving
     * it (the demo market switched off) is taken over by the source that serves it now.
     */
    public void put(Instrument instrument, Instant now) {
        if (addIfAbsent(instrument, now)) {
            return;
        }
        jdbc.sql("UPDATE instrument SET name = :name, exchange = :exchange, asset_class = :assetClass, "
                        + "currency = :currency, provider = :provider, demo = :demo WHERE symbol = :symbol")
                .param("symbol", instrument.symbol())
                .param("name", instrument.name())
                .param("exchange", instrument.exchange())
                .param("assetClass", instrument.assetClass().name())
                .param("currency", instrument.currency())
                .param("provider", instrument.provider())
                .param("demo", instrument.demo())
                .update();
    }

    private static Instrument map(ResultSet row, int rowNumber) throws SQLException {
        return new Instrument(
                row.getString("symbol"),
                row.getString("name"),
                row.getString("exchange"),
                AssetClass.valueOf(row.getString("asset_class")),
                row.getString("currency"),
                row.getString("provider"),
                row.getBoolean("demo"));
    }
}
