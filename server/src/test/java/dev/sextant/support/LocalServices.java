package dev.sextant.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.opentest4j.TestAbortedException;

/**
 * The machine's own services (PostgreSQL, Redis) that integration tests use for real. Unreachable,
 * a test is skipped, or fails when {@code SEXTANT_REQUIRE_SERVICES=1} (as in CI), so a missing
 * service can never pass silently there.
 */
final class LocalServices {

    private LocalServices() {}

    static void requireReachable(String service, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException unreachable) {
            String message = service + " is not reachable at " + host + ":" + port;
            if ("1".equals(System.getenv("SEXTANT_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(message + " and SEXTANT_REQUIRE_SERVICES=1", unreachable);
            }
            throw new TestAbortedException(message + "; skipped (set SEXTANT_REQUIRE_SERVICES=1 to fail)");
        }
    }
}
