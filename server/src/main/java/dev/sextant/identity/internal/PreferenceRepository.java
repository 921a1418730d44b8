package dev.sextant.identity.internal;

import dev.sextant.platform.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each account's own settings (region, privacy choices); one row per account, none until first saved. */
@Repository
class PreferenceRepository {

    /** The regions a user can pick; OTHER for anywhere else. */
    enum Region {
        US,
        EU,
        UK,
        JP,
        CA,
        AU,
        SG,
        CH,
        OTHER
    }

    record Preferences(Region region, boolean keepQueryHistory, boolean shareUsageMetrics, Instant updatedAt) {
        /** What an account that never saved any has: nothing shared, history kept in its own browser. */
        static final Preferences DEFAULTS = new Preferences(Region.US, true, false, null);
    }

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Preferences> find(UserId owner) {
        return jdbc.sql("SELECT region, keep_query_history, share_usage_metrics, updated_at FROM user_preference "
                        + "WHERE user_id = :user")
                .param("user", owner.value())
                .query((row, n) -> new Preferences(
                        Region.valueOf(row.getString("region")),
                        row.getBoolean("keep_query_history"),
                        row.getBoolean("share_usage_metrics"),
                        row.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** Stores the owner's preferences, replacing any saved before. */
    void save(UserId owner, Preferences preferences) {
        if (update(owner, preferences) == 1) {
            return;
        }
        try {
            bound(
                            jdbc.sql(
                                    "INSERT INTO user_preference (user_id, region, keep_query_history, "
                                            + "share_usage_metrics, updated_at) VALUES (:user, :region, :history, :metrics, :at)"),
                            owner,
                            preferences)
                    .update();
        } catch (DuplicateKeyException raced) {
            // Another request of the same account inserted first: this one, later, wins.
            update(owner, preferences);
        }
    }

    private int update(UserId owner, Preferences preferences) {
        return bound(
                        jdbc.sql("UPDATE user_preference SET region = :region, keep_query_history = :history, "
                                + "share_usage_metrics = :metrics, updated_at = :at WHERE user_id = :user"),
                        owner,
                        preferences)
                .update();
    }

    private static JdbcClient.StatementSpec bound(JdbcClient.StatementSpec sql, UserId owner, Preferences preferences) {
        return sql.param("user", owner.value())
                .param("region", preferences.region().name())
                .param("history", preferences.keepQueryHistory())
                .param("metrics", preferences.shareUsageMetrics())
                .param("at", Timestamp.from(preferences.updatedAt()));
    }
}
