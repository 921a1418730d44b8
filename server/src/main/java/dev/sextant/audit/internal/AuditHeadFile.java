package dev.sextant.audit.internal;

import dev.sextant.platform.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A second record of the chain head, outside the database: {@code audit-head} in the data directory
 * holds the sequence number and hash of the newest event this node appended, forced to disk after
 * each append and before the request that caused it is answered. A crash or restore that loses the
 * newest events from the database loses the table's own head with them, so only a witness kept
 * elsewhere can tell a truncated chain from a complete one. Thread-safe.
 */
@Component
class AuditHeadFile {

    static final String FILE = "audit-head";

    record Witness(long seq, String hash) {}

    private final Path file;
    private final Object lock = new Object();
    private long written;

    AuditHeadFile(DataDirectory dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
    }

    /** Records the head unless a newer one is already recorded (appends may finish out of order). */
    void advanceTo(long seq, String hash) {
        synchronized (lock) {
            if (seq <= written) {
                return;
            }
            // Fixed width, rewritten in place by one write: a crash leaves the old line or the new one,
            // never an empty or half file (which truncating first could).
            byte[] line = "%019d %s%n".formatted(seq, hash).getBytes(StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer, buffer.position());
                }
                channel.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot record the audit chain head in " + file, e);
            }
            written = seq;
        }
    }

    /** The recorded head; empty when none was ever written (a new data directory or an older version). */
    Optional<Witness> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit chain head in " + file, e);
        }
        String[] parts = text.split(" ");
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,19}")) {
            throw new IllegalStateException("The audit chain head file " + file + " is unreadable");
        }
        return Optional.of(new Witness(Long.parseLong(parts[0]), parts[1]));
    }
}
