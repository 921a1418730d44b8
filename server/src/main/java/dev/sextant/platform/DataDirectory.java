package dev.sextant.platform;

import dev.sextant.analytics.check.Check;
import java.nio.file.Path;

/**
 * Where Sextant keeps local state ({@code SEXTANT_DATA_DIR}): the embedded database and key files.
 * The platform creates it at start-up. Immutable and thread-safe.
 */
public record DataDirectory(Path path) {

    public DataDirectory {
        Check.notNull(path, "path");
    }

    public Path resolve(String file) {
        return path.resolve(file);
    }
}
