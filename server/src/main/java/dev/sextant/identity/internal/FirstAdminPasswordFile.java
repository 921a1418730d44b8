package dev.sextant.identity.internal;

import dev.sextant.platform.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.stereotype.Component;

/**
 * The first administrator's one-time password, kept in an owner-only file in the data directory
 * instead of on standard output (which log collectors read). Removed at the account's first
 * password change.
 */
@Component
class FirstAdminPasswordFile {

    static final String FILE = "first-admin-password";

    private final Path file;

    FirstAdminPasswordFile(DataDirectory dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
    }

    Path path() {
        return file;
    }

    Path write(String username, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "username: " + username + "\none-time password: " + password + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first administrator's password to " + file, e);
        }
    }

    /** Removes the file once the password it holds no longer works or is no longer needed. */
    void discardFor(String username) {
        try {
            if (Files.exists(file) && Files.readAllLines(file).contains("username: " + username)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file, e);
        }
    }
}
