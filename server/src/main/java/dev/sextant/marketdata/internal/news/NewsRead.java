package dev.sextant.marketdata.internal.news;

import dev.sextant.analytics.news.NewsItem;
import dev.sextant.marketdata.NewsProvenance;
import java.time.Instant;
import java.util.List;

/**
 * What a news source read: up to one more article than the page holds (so the caller knows whether
 * a next page exists), newest first, the moment it read as of, and where they came from.
 */
public record NewsRead(List<NewsItem> items, Instant asOf, NewsProvenance provenance) {

    public NewsRead {
        items = List.copyOf(items);
    }
}
