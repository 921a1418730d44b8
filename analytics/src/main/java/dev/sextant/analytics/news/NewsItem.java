package dev.sextant.analytics.news;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One news article about one or more symbols, as Sextant stored it. Headline and summary are
 * untrusted text from outside: data to show or score, never instructions, never HTML.
 *
 * @param id Sextant's stable id of the article (the same across the sources that carried it)
 * @param provider the provider Sextant got it from first ({@code demo} for synthetic headlines)
 * @param source the publisher or feed named by the provider (e.g. {@code Reuters}, {@code SEC EDGAR})
 * @param publishedAt when the publisher says it was published
 * @param knownAt when Sextant first stored it: a read as of a moment sees only articles known by then
 * @param summary null when the source gives none
 * @param sentiment the article's sentiment, -1 (negative) to 1 (positive); null when unscored
 * @param scorer who produced {@code sentiment}: a provider's id for its own score, or a
 *     {@link SentimentScorer#name()}; null when unscored
 * @param demo true for the demo market's synthetic headlines
 */
public record NewsItem(
        String id,
        String provider,
        String source,
        String url,
        String headline,
        @Nullable String summary,
        Instant publishedAt,
        Instant knownAt,
        List<String> symbols,
        @Nullable Double sentiment,
        @Nullable String scorer,
        boolean demo) {

    public NewsItem {
        symbols = List.copyOf(symbols);
    }
}
