package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node side of the interop tests: the reference TypeScript SDK installed from the committed
 * lockfile (src/test/resources/mcp-interop) into a directory of each test's own, with its script.
 */
final class NodeInterop {

    private static final Path SOURCE = Path.of("src/test/resources/mcp-interop");

    private NodeInterop() {}

    /** Whether {@code node} and {@code npm} run here (.ci/run installs them; a developer may lack them). */
    static boolean available() {
        return works("node", "--version") && works("npm", "--version");
    }

    /**
     * Copies {@code script} and the package files into {@code work} and runs {@code npm ci} there, again
     * only when the lockfile changed.
     */
    static void install(Path work, String script) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path lock = SOURCE.resolve("package-lock.json");
        Path installed = work.resolve("node_modules/.sextant-lock");
        boolean current = Files.exists(installed) && Files.mismatch(lock, installed) == -1;
        for (String file : List.of("package.json", "package-lock.json", script)) {
            Files.copy(SOURCE.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (current) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("npm-ci.log").toFile())
                .start();
        assertThat(npm.waitFor(10, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
        assertThat(npm.exitValue())
                .as(Files.readString(work.resolve("npm-ci.log")))
                .isZero();
        Files.copy(lock, installed, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean works(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
