package dev.sextant.marketdata.internal.provider;

import java.time.Instant;
import java.util.List;

/**
 * One news article as a provider lists it, before Sextant deduplicates, caps and stores it. Title
 * and summary are untrusted text from outside.
 *
 * @param url the article's address (for SEC EDGAR, the filing's index page)
 * @param summary null when the provider gives none
 * @param source the publisher as the provider names it; the provider's own name when it names none
 * @param publishedAt when the publisher says it was published
 * @param symbols the canonical symbols the provider tags it with (at least the one asked for)
 * @param sentiment the provider's own sentiment score mapped to -1..1; null when it gives none
 */
public record ProviderArticle(
        String url,
        String title,
        String summary,
        String source,
        Instant publishedAt,
        List<String> symbols,
        Double sentiment) {

    public ProviderArticle {
        symbols = List.copyOf(symbols);
    }
}
