package dev.sextant.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a checkout's vendored browser libraries against what it says they are: every vendored
 * file's SHA-256 is the one {@code web/vendor.sha256} records (and no vendored file goes
 * unrecorded), every library has its licence beside it and its exact version in {@code
 * web/package.json} and {@code web/package-lock.json} (there with a sha512 integrity), and no file
 * of the app names a URL it could load code from (no CDN). Answers what is wrong, one line each;
 * nothing when all holds. Works on any directory laid out like the repository, so a test can run
 * it over a tampered copy.
 */
final class VendorIntegrity {

    static final String WEB = "server/src/main/resources/web";
    static final String VENDOR = WEB + "/vendor";
    static final String TEST_VENDOR = "server/src/test/resources/web-test";
    static final String SUMS = "web/vendor.sha256";
    static final String PACKAGE = "web/package.json";
    static final String LOCK = "web/package-lock.json";

    /** The libraries only the tests load, and where their files lie. */
    static final Map<String, String> TEST_LIBRARIES = Map.of("axe-core", TEST_VENDOR);

    /**
     * URLs that may appear in the app's files because nothing is loaded from them: XML namespace
     * names (identifiers a browser never fetches), licence links in licence headers, and the
     * TradingView attribution link (its licence asks for it), the library's own or the app's caption.
     */
    private static final List<Pattern> HARMLESS_URLS = List.of(
            Pattern.compile("http://www\\.w3\\.org/(2000/svg|1999/xhtml|1998/Math/MathML|1999/xlink)"),
            Pattern.compile("https?://www\\.apache\\.org/licenses/[^\\s\"'`)]*"),
            Pattern.compile("https://www\\.tradingview\\.com/(\\?utm_medium=lwc-link&utm_campaign=lwc-chart)?"));

    private static final Pattern URL = Pattern.compile("(?i)(?:https?:)?//[a-z0-9-]+(?:\\.[a-z0-9-]+)+[^\\s\"'`)<>]*");
    private static final Pattern ABSOLUTE = Pattern.compile("(?i)https?://");
    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Set<String> SCANNED = Set.of("js", "mjs", "css", "html", "json", "svg");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final List<String> problems = new ArrayList<>();

    private VendorIntegrity(Path root) {
        this.root = root;
    }

    /** What is wrong with the vendored libraries of the checkout at {@code root}; empty when nothing is. */
    static List<String> problems(Path root) {
        VendorIntegrity check = new VendorIntegrity(root);
        check.checksums();
        check.librariesAndVersions();
        check.noCodeFromElsewhere();
        return List.copyOf(check.problems);
    }

    private void checksums() {
        Map<String, String> recorded = new TreeMap<>();
        for (String line : lines(SUMS)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+\\*?", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                problems.add(SUMS + ": cannot read the line '" + line + "'");
                continue;
            }
            recorded.put(parts[1], parts[0]);
        }
        recorded.forEach((path, sum) -> {
            Path file = root.resolve(path);
            if (!Files.isRegularFile(file)) {
                problems.add(path + " is recorded in " + SUMS + " but missing");
            } else if (!sha256(file).equals(sum)) {
                problems.add(path + " does not have the SHA-256 recorded in " + SUMS + " (it was changed)");
            }
        });
        for (String dir : List.of(VENDOR, TEST_VENDOR)) {
            for (Path file : files(root.resolve(dir))) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (!recorded.containsKey(path)) {
                    problems.add(path + " is vendored but not recorded in " + SUMS);
                }
            }
        }
    }

    private void librariesAndVersions() {
        JsonNode manifest = json(PACKAGE);
        JsonNode lock = json(LOCK);
        if (manifest == null || lock == null) {
            return;
        }
        Map<String, String> libraries = new TreeMap<>();
        for (Path dir : directories(root.resolve(VENDOR))) {
            libraries.put(dir.getFileName().toString(), "dependencies");
        }
        TEST_LIBRARIES.keySet().forEach(name -> libraries.put(name, "devDependencies"));
        for (String section : List.of("dependencies", "devDependencies")) {
            for (Map.Entry<String, JsonNode> entry : manifest.path(section).properties()) {
                if (!libraries.containsKey(entry.getKey())) {
                    problems.add(PACKAGE + " names " + entry.getKey() + ", which is not vendored");
                }
            }
        }
        libraries.forEach((name, section) -> {
            Path licence = section.equals("dependencies")
                    ? root.resolve(VENDOR).resolve(name).resolve("LICENSE")
                    : root.resolve(TEST_LIBRARIES.get(name)).resolve(name + ".LICENSE");
            if (!Files.isRegularFile(licence) || size(licence) == 0) {
                problems.add(name + " has no licence beside it (" + root.relativize(licence) + ")");
            }
            String version = manifest.path(section).path(name).asString("");
            if (!EXACT_VERSION.matcher(version).matches()) {
                problems.add(PACKAGE + " does not pin " + name + " to one exact version in " + section + " (found '"
                        + version + "')");
                return;
            }
            if (!version.equals(
                    lock.path("packages").path("").path(section).path(name).asString(""))) {
                problems.add(LOCK + " does not name " + name + " " + version + " as its root's " + section);
            }
            JsonNode locked = lock.path("packages").path("node_modules/" + name);
            if (!version.equals(locked.path("version").asString(""))) {
                problems.add(LOCK + " locks " + name + " at '"
                        + locked.path("version").asString("") + "', not the " + version + " of " + PACKAGE);
            }
            if (!locked.path("integrity").asString("").matches("sha512-[A-Za-z0-9+/]{86}==")) {
                problems.add(LOCK + " has no sha512 integrity for " + name);
            }
        });
    }

    private void noCodeFromElsewhere() {
        for (Path file : files(root.resolve(WEB))) {
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            if (name.startsWith("LICENSE") || !SCANNED.contains(extension)) {
                continue;
            }
            String text = read(file);
            Matcher url = URL.matcher(text);
            while (url.find()) {
                String found = url.group();
                boolean absolute = ABSOLUTE.matcher(found).lookingAt();
                boolean protocolRelative = found.startsWith("//") && refersFrom(text, url.start());
                if ((absolute || protocolRelative)
                        && HARMLESS_URLS.stream()
                                .noneMatch(p -> p.matcher(found).lookingAt())) {
                    problems.add(
                            root.relativize(file) + " refers to " + found + " (the app loads nothing from elsewhere)");
                }
            }
        }
        for (Path file : files(root.resolve(WEB).resolve("app"))) {
            // The library's logo needs an inline style the policy refuses; a page that turns it off
            // credits TradingView with a link of its own.
            String text = read(file);
            if (text.replace(" ", "").contains("attributionLogo:false")
                    && !text.contains("https://www.tradingview.com/")) {
                problems.add(root.relativize(file) + " hides the chart's TradingView attribution");
            }
        }
    }

    /** A {@code //host} is a URL, not a comment, where it follows a quote, {@code (} or {@code =}. */
    private static boolean refersFrom(String text, int start) {
        if (start == 0) {
            return false;
        }
        char before = text.charAt(start - 1);
        return before == '"' || before == '\'' || before == '`' || before == '(' || before == '=';
    }

    private List<String> lines(String path) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            problems.add(path + " is missing");
            return List.of();
        }
        return read(file).lines().toList();
    }

    private JsonNode json(String path) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            problems.add(path + " is missing");
            return null;
        }
        try {
            return JSON.readTree(read(file));
        } catch (RuntimeException e) {
            problems.add(path + " is not JSON: " + e.getMessage());
            return null;
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> directories(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
