import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Commits per second of single-row autocommit inserts from one connection, for each way Sextant's
 * databases can be set to commit (docs/BENCHMARKS.md, "Durable commits"). Run by
 * scripts/bench-commits.sh with the server's class path, so that the {@code dsync:} file system is
 * Sextant's own {@code DsyncFilePath}.
 *
 * <p>Arguments: a scratch directory for the H2 files, the PostgreSQL JDBC URL (or {@code -} to
 * skip it), the PostgreSQL user, and the number of timed commits. Each variant makes 200 warm-up
 * inserts, then times the given number.
 */
public final class CommitRate {

    private static final int WARM_UP = 200;

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        String postgres = args[1];
        String user = args[2];
        int commits = Integer.parseInt(args[3]);
        Files.createDirectories(scratch);
        org.h2.store.fs.FilePath.register(new dev.sextant.platform.internal.DsyncFilePath());

        System.out.println("| database and setting | commits/s |");
        System.out.println("|---|---|");
        h2(scratch, "", "H2 file, H2's default WRITE_DELAY=500", commits);
        h2(scratch, ";WRITE_DELAY=0", "H2 file, WRITE_DELAY=0", commits);
        h2(scratch, ";WRITE_DELAY=0", "H2 on the dsync: file system, WRITE_DELAY=0 (Sextant's)", commits, "dsync:");
        if (!postgres.equals("-")) {
            postgres(postgres, user, "off", commits);
            postgres(postgres, user, "on", commits);
        }
    }

    private static void h2(Path scratch, String settings, String label, int commits) throws SQLException {
        h2(scratch, settings, label, commits, "");
    }

    private static void h2(Path scratch, String settings, String label, int commits, String fileSystem)
            throws SQLException {
        Path file = scratch.resolve("commits-" + System.nanoTime()).toAbsolutePath();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:" + fileSystem + file + settings, "sa", "")) {
            report(label, rate(connection, commits));
        }
    }

    private static void postgres(String url, String user, String synchronousCommit, int commits)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit = " + synchronousCommit);
            }
            report("PostgreSQL, synchronous_commit = " + synchronousCommit, rate(connection, commits));
        }
    }

    /** Commits per second of {@code commits} autocommit inserts, after the warm-up. */
    private static double rate(Connection connection, int commits) throws SQLException {
        String table = "commit_rate_" + Long.toHexString(System.nanoTime());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, payload VARCHAR(64))");
        }
        connection.setAutoCommit(true);
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO " + table + " (id, payload) VALUES (?, ?)")) {
            for (int i = 0; i < WARM_UP; i++) {
                insert(insert, i);
            }
            long started = System.nanoTime();
            for (int i = WARM_UP; i < WARM_UP + commits; i++) {
                insert(insert, i);
            }
            return commits / ((System.nanoTime() - started) / 1e9);
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }

    private static void insert(PreparedStatement insert, long id) throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, "row " + id);
        insert.executeUpdate();
    }

    private static void report(String label, double rate) {
        System.out.println(String.format(Locale.ROOT, "| %s | %,.0f |", label, rate));
    }
}
