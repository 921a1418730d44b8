package dev.sextant.marketdata.internal.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects the articles one news answer lists and applies the rules every news adapter shares:
 * only articles inside the asked window, newest first, at most the asked number (itself capped),
 * an http(s) address and a title required, sentiment kept inside -1..1. An article the provider
 * sent without a readable date is dropped; an answer where no listed article had one is BAD_DATA,
 * since the wire format has changed under the adapter.
 */
final class NewsArticles {

    /** The most articles one call returns, whatever the caller asks: bounds memory and the provider's work. */
    static final int MAX_LIMIT = 200;

    /**
     * Providers that print a time without a zone (Alpha Vantage, FMP, some EDGAR filers) are read on
     * New York's clock: for a US source that is the later of the two plausible readings, so a
     * point-in-time read never sees an article before it could have been published.
     */
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final Pattern TICKER = Pattern.compile("[A-Z0-9][A-Z0-9.\\-^]{0,14}");

    private final String provider;
    private final String symbol;
    private final Instant from;
    private final Instant to;
    private final List<ProviderArticle> kept = new ArrayList<>();
    private int listed;
    private int undated;

    NewsArticles(String provider, String symbol, Instant from, Instant to) {
        this.provider = provider;
        this.symbol = symbol;
        this.from = from;
        this.to = to;
    }

    /** The number of articles to ask a provider for: at least 1, at most {@link #MAX_LIMIT} (or its own maximum). */
    static int cap(int limit, int providerMaximum) {
        return Math.clamp(limit, 1, Math.min(MAX_LIMIT, providerMaximum));
    }

    static Instant newYorkClock(LocalDateTime time) {
        return time.atZone(NEW_YORK).toInstant();
    }

    /**
     * One listed article. {@code publishedAt} null means the provider's date could not be read;
     * {@code otherSymbols} are the provider's tags, already in canonical form where it has one.
     */
    void add(
            String url,
            String title,
            String summary,
            String source,
            Instant publishedAt,
            List<String> otherSymbols,
            Double sentiment) {
        listed++;
        if (publishedAt == null) {
            undated++;
            return;
        }
        String cleanTitle = blankToNull(title);
        String address = httpUrl(url);
        if (cleanTitle == null || address == null || publishedAt.isBefore(from) || !publishedAt.isBefore(to)) {
            return;
        }
        Set<String> symbols = new LinkedHashSet<>();
        symbols.add(symbol);
        for (String other : otherSymbols) {
            String tag = other == null ? "" : other.strip().toUpperCase(Locale.ROOT);
            if (TICKER.matcher(tag).matches()) {
                symbols.add(tag);
            }
        }
        String publisher = blankToNull(source);
        kept.add(new ProviderArticle(
                address,
                cleanTitle,
                blankToNull(summary),
                publisher == null ? provider : publisher,
                publishedAt,
                List.copyOf(symbols),
                sentiment(sentiment)));
    }

    /** The kept articles, newest first, at most {@code limit}. */
    List<ProviderArticle> newestFirst(int limit) {
        if (listed > 0 && undated == listed) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "no listed article has a readable date");
        }
        return kept.stream()
                .sorted(Comparator.comparing(ProviderArticle::publishedAt).reversed())
                .limit(Math.max(0, limit))
                .toList();
    }

    private static Double sentiment(Double score) {
        if (score == null || !Double.isFinite(score)) {
            return null;
        }
        return Math.clamp(score, -1.0, 1.0);
    }

    /** The address when it is an absolute http(s) URL; anything else (javascript:, data:, relative) is dropped. */
    private static String httpUrl(String url) {
        String text = blankToNull(url);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? text : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
