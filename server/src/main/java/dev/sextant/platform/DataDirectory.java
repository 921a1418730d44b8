package dev.sextant.platform;

import dev.sextant.analytics.check.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where Sextant keeps local state ({@code SEXTANT_DATA_DIR}): the embedded database and key files.
 * The platform creates it at start-up, owner-only, and takes group and other permissions away from
 * it and every file in it. Immutable and thread-safe.
 */
public record DataDirectory(Path path) {

    private static final Set<PosixFilePermission> GROUP_AND_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    public DataDirectory {
        Check.notNull(path, "path");
    }

    /** Creates the directory (0700) if missing and makes it and the files in it owner-only. */
    public static DataDirectory prepare(Path configured) {
        Path dir = configured.toAbsolutePath();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the data directory " + dir + " (set SEXTANT_DATA_DIR to a writable directory)", e);
        }
        DataDirectory directory = new DataDirectory(dir);
        directory.tighten();
        return directory;
    }

    public Path resolve(String file) {
        return path.resolve(file);
    }

    /**
     * Takes group and other permissions away from the directory and each entry directly in it; the
     * owner's own bits are kept. Not recursive, so a data directory set to a shared place never
     * rewrites a tree it does not own. A no-op on file systems without POSIX permissions.
     */
    public void tighten() {
        try {
            if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
                return;
            }
            ownerOnly(path);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                for (Path entry : entries) {
                    if (!Files.isSymbolicLink(entry)) {
                        ownerOnly(entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot make the data directory " + path + " owner-only (is it owned by another user?)", e);
        }
    }

    private static void ownerOnly(Path entry) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS);
        if (permissions.removeAll(GROUP_AND_OTHER)) {
            Files.setPosixFilePermissions(entry, permissions);
        }
    }
}
