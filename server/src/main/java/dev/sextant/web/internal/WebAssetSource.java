package dev.sextant.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where the app's files come from: the server's own classpath ({@code web/}), read once at start;
 * or, for someone working on the app, a directory given as {@code sextant.web.directory}, read again
 * whenever a file in it changed, so an edit shows at the next reload without rebuilding the server.
 */
final class WebAssetSource {

    private static final String CLASSPATH_ROOT = "web/";

    private final @Nullable Path directory;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    private record Loaded(long fingerprint, WebAssets assets) {}

    WebAssetSource(@Nullable Path directory) {
        this.directory = directory;
        current.set(load());
    }

    WebAssets assets() {
        Loaded loaded = current.get();
        if (directory != null && fingerprint(directory) != loaded.fingerprint()) {
            loaded = load();
            current.set(loaded);
        }
        return loaded.assets();
    }

    private Loaded load() {
        return directory == null
                ? new Loaded(0, WebAssets.of(fromClasspath()))
                : new Loaded(fingerprint(directory), WebAssets.of(fromDirectory(directory)));
    }

    private static Map<String, byte[]> fromClasspath() {
        try {
            Map<String, byte[]> files = new HashMap<>();
            var resolver = new PathMatchingResourcePatternResolver(WebAssetSource.class.getClassLoader());
            for (Resource resource : resolver.getResources("classpath*:" + CLASSPATH_ROOT + "**")) {
                if (!resource.isReadable()) {
                    continue; // a directory
                }
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf("/" + CLASSPATH_ROOT) + CLASSPATH_ROOT.length() + 1);
                try (var in = resource.getInputStream()) {
                    files.put(path, in.readAllBytes());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web app from the classpath", e);
        }
    }

    private static Map<String, byte[]> fromDirectory(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            Map<String, byte[]> files = new HashMap<>();
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web app from " + root, e);
        }
    }

    private static long fingerprint(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return file.toString().hashCode() * 31L
                                    + Files.getLastModifiedTime(file).toMillis();
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
