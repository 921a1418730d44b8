package dev.sextant.support;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Marks a test that needs the local PostgreSQL at 127.0.0.1:5432 (database {@code test}). When it
 * is unreachable the test is skipped, or fails when {@code SEXTANT_REQUIRE_SERVICES=1} (as in CI),
 * so a missing service can never pass silently there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Check.class)
public @interface RequiresPostgres {

    String HOST = "127.0.0.1";
    int PORT = 5432;
    String URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/test";
    String USER = "postgres";

    final class Check implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
            } catch (IOException unreachable) {
                String message = "PostgreSQL is not reachable at " + HOST + ":" + PORT;
                if ("1".equals(System.getenv("SEXTANT_REQUIRE_SERVICES"))) {
                    throw new IllegalStateException(message + " and SEXTANT_REQUIRE_SERVICES=1", unreachable);
                }
                throw new TestAbortedException(message + "; skipped (set SEXTANT_REQUIRE_SERVICES=1 to fail)");
            }
        }
    }
}
