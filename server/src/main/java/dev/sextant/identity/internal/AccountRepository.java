package dev.sextant.identity.internal;

import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the database. Usernames are looked up and stored lower-case. */
@Repository
class AccountRepository {

    private static final String COLUMNS =
            "id, username, email, password_hash, roles, must_change_password, " + "security_version";
    private static final String READ_COLUMNS = COLUMNS + ", totp_enabled, totp_last_step, disabled";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findById(UserId id) {
        return jdbc.sql("SELECT " + READ_COLUMNS + " FROM app_user WHERE id = :id")
                .param("id", id.value())
                .query(AccountRepository::map)
                .optional();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + READ_COLUMNS + " FROM app_user WHERE username = :username")
                .param("username", username)
                .query(AccountRepository::map)
                .optional();
    }

    /** An account as administrators see it in a list: nothing secret (no hash, no TOTP state). */
    record Listed(
            UserId id,
            String username,
            Set<Role> roles,
            Instant createdAt,
            boolean mustChangePassword,
            boolean totpEnabled,
            boolean disabled) {}

    /**
     * A page of accounts in username order; {@code search}, when not blank, keeps those whose
     * username contains it (case-insensitive, taken literally: {@code %} and {@code _} match themselves).
     */
    List<Listed> page(String search, long offset, int limit) {
        return jdbc.sql(
                        "SELECT id, username, roles, created_at, must_change_password, totp_enabled, disabled FROM app_user "
                                + "WHERE LOWER(username) LIKE :pattern ESCAPE '!' ORDER BY username LIMIT :limit OFFSET :offset")
                .param("pattern", containing(search))
                .param("limit", limit)
                .param("offset", offset)
                .query((row, n) -> new Listed(
                        new UserId(row.getObject("id", UUID.class)),
                        row.getString("username"),
                        roles(row.getString("roles")),
                        row.getTimestamp("created_at").toInstant(),
                        row.getBoolean("must_change_password"),
                        row.getBoolean("totp_enabled"),
                        row.getBoolean("disabled")))
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    /** How many accounts {@link #page} would list over all its pages. */
    long count(String search) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(username) LIKE :pattern ESCAPE '!'")
                .param("pattern", containing(search))
                .query(Long.class)
                .single();
    }

    private static String containing(String search) {
        String literal = search.strip()
                .toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + literal + "%";
    }

    void insert(Account account, Instant now) {
        jdbc.sql("INSERT INTO app_user (" + COLUMNS + ", created_at, updated_at) VALUES (:id, :username, :email, "
                        + ":hash, :roles, :mustChange, :version, :now, :now)")
                .param("id", account.id().value())
                .param("username", account.username())
                .param("email", account.email())
                .param("hash", account.passwordHash())
                .param("roles", roles(account.roles()))
                .param("mustChange", account.mustChangePassword())
                .param("version", account.securityVersion())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Replaces the hash without touching tokens: used when a login upgrades an old hash's parameters. */
    void updatePasswordHash(UserId id, String hash, Instant now) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
    }

    /** Sets a new password and invalidates every token issued before. */
    void changePassword(UserId id, String hash, Instant now) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash, must_change_password = FALSE, "
                        + "security_version = security_version + 1, updated_at = :now WHERE id = :id")
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
    }

    /** Sets a one-time password the next sign-in must replace and invalidates every token issued before. */
    void resetPassword(UserId id, String hash, Instant now) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash, must_change_password = TRUE, "
                        + "security_version = security_version + 1, updated_at = :now WHERE id = :id")
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
    }

    /** Invalidates every access token issued before ("log out everywhere"). */
    void bumpSecurityVersion(UserId id, Instant now) {
        jdbc.sql("UPDATE app_user SET security_version = security_version + 1, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
    }

    void setTotp(UserId id, boolean enabled, long lastStep, Instant now) {
        jdbc.sql("UPDATE app_user SET totp_enabled = :enabled, totp_last_step = :step, updated_at = :now "
                        + "WHERE id = :id")
                .param("enabled", enabled)
                .param("step", lastStep)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
    }

    /** Records a used TOTP step unless that step or a later one was used already: a code works once. */
    boolean advanceTotpStep(UserId id, long step) {
        return jdbc.sql("UPDATE app_user SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                        .param("step", step)
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /** Disables or enables the account and invalidates every token issued before. */
    boolean setDisabled(UserId id, boolean disabled, Instant now) {
        return jdbc.sql("UPDATE app_user SET disabled = :disabled, security_version = security_version + 1, "
                                + "updated_at = :now WHERE id = :id")
                        .param("disabled", disabled)
                        .param("now", Timestamp.from(now))
                        .param("id", id.value())
                        .update()
                == 1;
    }

    void setRoles(UserId id, Set<Role> roles, Instant now) {
        jdbc.sql("UPDATE app_user SET roles = :roles, updated_at = :now WHERE id = :id")
                .param("roles", roles(roles))
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
    }

    /**
     * Counts the administrators and locks their rows until the transaction ends, so that two
     * changes that each leave one administrator (two admins deleting each other) cannot both pass.
     * Disabled administrators do not count: they cannot sign in to make things right.
     */
    long lockAdministrators() {
        return jdbc
                .sql("SELECT roles FROM app_user WHERE roles LIKE :admin AND disabled = FALSE FOR UPDATE")
                .param("admin", "%" + Role.ADMIN.name() + "%")
                .query(String.class)
                .list()
                .stream()
                .filter(roles -> Arrays.asList(roles.split(",")).contains(Role.ADMIN.name()))
                .count();
    }

    boolean delete(UserId id) {
        return jdbc.sql("DELETE FROM app_user WHERE id = :id")
                        .param("id", id.value())
                        .update()
                == 1;
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(","))
                .filter(s -> !s.isBlank())
                .map(Role::valueOf)
                .forEach(roles::add);
        return roles;
    }

    private static Account map(ResultSet row, int rowNumber) throws SQLException {
        Set<Role> roles = roles(row.getString("roles"));
        return new Account(
                new UserId(row.getObject("id", UUID.class)),
                row.getString("username"),
                row.getString("email"),
                row.getString("password_hash"),
                roles,
                row.getBoolean("must_change_password"),
                row.getInt("security_version"),
                row.getBoolean("totp_enabled"),
                row.getLong("totp_last_step"),
                row.getBoolean("disabled"));
    }
}
