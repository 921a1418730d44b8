package dev.sextant.marketdata.internal.news;

import dev.sextant.support.RequiresPostgres;
import org.junit.jupiter.api.Nested;

/** {@link NewsStoreContract} on the embedded H2 (in the server's PostgreSQL mode) and on PostgreSQL. */
class NewsStoreTest {

    @Nested
    class OnH2 extends NewsStoreContract {
        @Override
        NewsDatabase open() {
            return NewsDatabase.h2();
        }
    }

    @Nested
    @RequiresPostgres
    class OnPostgres extends NewsStoreContract {
        @Override
        NewsDatabase open() {
            return NewsDatabase.postgres();
        }
    }
}
