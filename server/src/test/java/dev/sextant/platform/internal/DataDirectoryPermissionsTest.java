package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The data directory and everything the server keeps in it are readable by their owner only. */
class DataDirectoryPermissionsTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + dataDir)
                .run();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> entries(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void test_freshDataDirectory_isOwnerOnlyAfterStart() throws Exception {
        Path dataDir =
                Path.of("target/test-data/permissions-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext server = start(dataDir)) {
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            List<Path> files = entries(dataDir);
            assertThat(files.stream().map(f -> f.getFileName().toString()))
                    .contains("sextant.mv.db", "jwt-signing.key", "master.key");
            for (Path file : files) {
                assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void test_existingWorldReadableDataDirectory_isTightenedAtStart() throws Exception {
        Path dataDir = Path.of("target/test-data/permissions-open-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path note = Files.writeString(dataDir.resolve("operator-notes.txt"), "left here earlier");
        Files.setPosixFilePermissions(note, PosixFilePermissions.fromString("rw-r--r--"));
        try (ConfigurableApplicationContext server = start(dataDir)) {
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(note)).isEqualTo("rw-------");
            for (Path file : entries(dataDir)) {
                assertThat(mode(file))
                        .as(file.getFileName().toString())
                        .doesNotContain("r--", "-w-", "--x")
                        .endsWith("------");
            }
        }
    }
}
