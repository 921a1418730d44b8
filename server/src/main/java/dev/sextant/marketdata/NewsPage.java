package dev.sextant.marketdata;

import dev.sextant.analytics.news.NewsItem;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a symbol's articles as known at {@code asOf}, newest first, and where they came from.
 *
 * @param asOf the moment the read was made as of (never later than the time of the read)
 * @param nextCursor the cursor of the next page; null on the last one
 */
public record NewsPage(
        String symbol,
        Instant from,
        Instant to,
        Instant asOf,
        List<NewsItem> items,
        @Nullable String nextCursor,
        NewsProvenance provenance) {

    public NewsPage {
        items = List.copyOf(items);
    }
}
