package dev.sextant.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendored browser libraries are exactly what {@code web/package-lock.json} names (each
 * file's SHA-256 recorded by {@code scripts/web-vendor.sh}), with their licences and pinned
 * versions, and the app loads no code from anywhere but the server: no CDN.
 */
class VendorIntegrityTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theRepositoryVendorsExactlyWhatItsLockfileNames() {
        assertThat(VendorIntegrity.problems(REPOSITORY)).isEmpty();
    }

    @Test
    void everyLibraryTheAppImportsIsVendoredAndCounted() throws IOException {
        String importMap = Files.readString(REPOSITORY.resolve(VendorIntegrity.WEB + "/importmap.json"));
        for (String library : List.of("preact", "htm", "lightweight-charts", "lean-qr")) {
            assertThat(importMap).contains("\"/assets/vendor/" + library + "/");
        }
        assertThat(Files.readString(REPOSITORY.resolve(VendorIntegrity.SUMS)).lines())
                .as("preact, its hooks, htm, lean-qr (two), the chart, axe-core, and a licence for each of the five")
                .hasSize(12);
    }

    @Test
    void aChangedVendoredFileIsCaught(@TempDir Path copy) throws IOException {
        copyRepository(copy);
        Path chart = copy.resolve(VendorIntegrity.VENDOR + "/lightweight-charts/lightweight-charts.mjs");
        Files.writeString(chart, Files.readString(chart).replace("hitTestTolerance:3", "hitTestTolerance:4"));
        assertThat(VendorIntegrity.problems(copy))
                .containsExactly(VendorIntegrity.VENDOR
                        + "/lightweight-charts/lightweight-charts.mjs does not have the SHA-256 recorded in "
                        + VendorIntegrity.SUMS + " (it was changed)");
    }

    @Test
    void anUnrecordedFileAMissingLicenceAndALooseVersionAreCaught(@TempDir Path copy) throws IOException {
        copyRepository(copy);
        Files.writeString(copy.resolve(VendorIntegrity.VENDOR + "/preact/extra.mjs"), "export const x = 1;\n");
        Files.delete(copy.resolve(VendorIntegrity.VENDOR + "/htm/LICENSE"));
        Path manifest = copy.resolve(VendorIntegrity.PACKAGE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"11.2.0\"", "\"^11.2.0\""));
        Path lock = copy.resolve(VendorIntegrity.LOCK);
        String lockText = Files.readString(lock);
        int leanQr = lockText.indexOf("\"node_modules/lean-qr\"");
        int integrity = lockText.indexOf("sha512-", leanQr);
        Files.writeString(lock, lockText.substring(0, integrity) + "sha1-" + lockText.substring(integrity + 7));

        assertThat(VendorIntegrity.problems(copy))
                .anySatisfy(p -> assertThat(p).contains("preact/extra.mjs is vendored but not recorded"))
                .anySatisfy(p ->
                        assertThat(p).contains("htm/LICENSE is recorded in " + VendorIntegrity.SUMS + " but missing"))
                .anySatisfy(p -> assertThat(p).startsWith("htm has no licence beside it"))
                .anySatisfy(p -> assertThat(p).contains("does not pin preact to one exact version"))
                .anySatisfy(p -> assertThat(p).contains("has no sha512 integrity for lean-qr"));
    }

    @Test
    void codeFromACdnIsCaughtButLicenceAndAttributionLinksAreNot(@TempDir Path copy) throws IOException {
        copyRepository(copy);
        Path page = copy.resolve(VendorIntegrity.WEB + "/app/pages/markets.js");
        Files.writeString(
                page,
                "import { x } from 'https://cdn.example.com/lib.mjs';\n" + Files.readString(page),
                StandardCharsets.UTF_8);
        Path sheet = copy.resolve(VendorIntegrity.WEB + "/app/styles/app.css");
        Files.writeString(sheet, Files.readString(sheet) + "\n@import url(//fonts.example.com/font.css);\n");
        Path html = copy.resolve(VendorIntegrity.WEB + "/index.html");
        Files.writeString(
                html,
                Files.readString(html).replace("</head>", "<script src=\"http://evil.example/x.js\"></script></head>"));

        assertThat(VendorIntegrity.problems(copy))
                .containsExactlyInAnyOrder(
                        "server/src/main/resources/web/app/pages/markets.js refers to https://cdn.example.com/lib.mjs"
                                + " (the app loads nothing from elsewhere)",
                        "server/src/main/resources/web/app/styles/app.css refers to //fonts.example.com/font.css"
                                + " (the app loads nothing from elsewhere)",
                        "server/src/main/resources/web/index.html refers to http://evil.example/x.js"
                                + " (the app loads nothing from elsewhere)");
    }

    @Test
    void hidingTheChartAttributionIsCaught(@TempDir Path copy) throws IOException {
        copyRepository(copy);
        Path page = copy.resolve(VendorIntegrity.WEB + "/app/pages/instrument.js");
        Files.writeString(page, Files.readString(page) + "\nconst options = { layout: { attributionLogo: false } };\n");
        assertThat(VendorIntegrity.problems(copy))
                .containsExactly("server/src/main/resources/web/app/pages/instrument.js hides the chart's TradingView"
                        + " attribution");
    }

    /** The parts of the repository the check reads, copied to a place a test may spoil. */
    private static void copyRepository(Path copy) throws IOException {
        for (String part : List.of("web", VendorIntegrity.WEB, VendorIntegrity.TEST_VENDOR)) {
            Path from = REPOSITORY.resolve(part);
            try (Stream<Path> paths = Files.walk(from)) {
                paths.forEach(source -> {
                    Path target =
                            copy.resolve(part).resolve(from.relativize(source).toString());
                    try {
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else if (!Files.exists(target)) {
                            Files.createDirectories(target.getParent());
                            Files.copy(source, target);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        assertThat(VendorIntegrity.problems(copy)).as("the untouched copy").isEmpty();
    }
}
