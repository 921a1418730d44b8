package dev.sextant.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Marks a test that needs the local Redis at 127.0.0.1:6379; see {@link LocalServices}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresRedis.Check.class)
public @interface RequiresRedis {

    String URL = "redis://127.0.0.1:6379";

    final class Check implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            LocalServices.requireReachable("Redis", "127.0.0.1", 6379);
        }
    }
}
