package dev.sextant.platform.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code dsync:} prefix) that opens files for writing with {@code O_DSYNC}: a
 * write returns only once the data is on the device. H2's MVStore writes a chunk per commit (with
 * {@code WRITE_DELAY=0}) but never forces it, so without this a power cut could still lose a commit
 * that a crash of the process alone would not. Reads are unaffected.
 *
 * <p>Public with a public constructor only because H2 instantiates wrappers by reflection.
 */
public final class DsyncFilePath extends FilePathWrapper {

    static final String SCHEME = "dsync";

    /** H2 keeps file systems in its own registry; registering twice replaces the same entry. */
    static void register() {
        FilePath.register(new DsyncFilePath());
    }

    public DsyncFilePath() {}

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return getBase().open("rw".equals(mode) ? "rwd" : mode);
    }
}
