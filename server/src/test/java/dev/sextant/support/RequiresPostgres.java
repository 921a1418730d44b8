package dev.sextant.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Marks a test that needs the local PostgreSQL at 127.0.0.1:5432 (database {@code test}); see {@link LocalServices}. */
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
            LocalServices.requireReachable("PostgreSQL", HOST, PORT);
        }
    }
}
