package dev.sextant.platform.internal;

import dev.sextant.platform.DataDirectory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the data directory owner-only once more when the application is ready: the embedded
 * database and the key files are created after {@link DataDirectory#prepare} ran, with whatever the
 * process umask allowed (the launcher sets 077; a plain {@code java -jar} may not).
 */
@Component
class DataDirectoryPermissions {

    private final DataDirectory dataDirectory;

    DataDirectoryPermissions(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void tightenAfterStart() {
        dataDirectory.tighten();
    }
}
