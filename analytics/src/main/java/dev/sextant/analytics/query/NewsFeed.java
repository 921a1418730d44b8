package dev.sextant.analytics.query;

import dev.sextant.analytics.news.LexiconSentiment;
import dev.sextant.analytics.news.NewsItem;
import dev.sextant.analytics.news.SentimentScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One symbol's articles as they were known at the end of the evaluation date, in publication order,
 * each with its sentiment by Sextant's own scorer. Built once per symbol before computing starts
 * and only read afterwards: immutable, so a SCAN's parallel parts share it safely.
 *
 * <p>Point in time: an article is kept only when both its {@code knownAt} and its
 * {@code publishedAt} are before {@code end} (the first second after the evaluation date, UTC);
 * a source that answers more cannot leak a later article into a metric. Duplicates by id (one
 * article from several sources) count once.
 */
final class NewsFeed {

    /** The scorer of every sentiment the news metrics average; its name is in their unit. */
    static final SentimentScorer SCORER = new LexiconSentiment();

    /** No articles: the feed of a statement that names no news metric. */
    static final NewsFeed NONE = new NewsFeed(new long[0], new double[0], 0);

    private final long[] published;
    private final double[] sentiment;
    private final long end;

    private NewsFeed(long[] published, double[] sentiment, long end) {
        this.published = published;
        this.sentiment = sentiment;
        this.end = end;
    }

    /**
     * @param answered what the source answered, in any order, possibly more than asked
     * @param end the first epoch second after the evaluation date
     */
    static NewsFeed of(List<NewsItem> answered, long end) {
        List<NewsItem> known = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (NewsItem item : answered) {
            if (item.knownAt().getEpochSecond() < end
                    && item.publishedAt().getEpochSecond() < end
                    && ids.add(item.id())) {
                known.add(item);
            }
        }
        known.sort(Comparator.comparing(NewsItem::publishedAt).thenComparing(NewsItem::id));
        long[] published = new long[known.size()];
        double[] sentiment = new double[known.size()];
        for (int i = 0; i < published.length; i++) {
            published[i] = known.get(i).publishedAt().getEpochSecond();
            sentiment[i] = sentimentOf(known.get(i));
        }
        return new NewsFeed(published, sentiment, end);
    }

    /**
     * The article's sextant-lexicon-1 score: the stored one when Sextant's scorer produced it,
     * otherwise its headline scored now, so that a provider's own scale (some run from -0.35 to
     * 0.35) is never averaged with Sextant's.
     */
    static double sentimentOf(NewsItem item) {
        if (item.sentiment() != null && SCORER.name().equals(item.scorer())) {
            return Math.max(-1, Math.min(1, item.sentiment()));
        }
        return SCORER.score(item.headline()).value();
    }

    long end() {
        return end;
    }

    /** How many articles were published in {@code [from, to)} (epoch seconds). */
    int count(long from, long to) {
        return Math.max(0, indexAtOrAfter(to) - indexAtOrAfter(from));
    }

    /** The sum of the sentiments of the articles published in {@code [from, to)}. */
    double sentimentSum(long from, long to) {
        double sum = 0;
        for (int i = indexAtOrAfter(from), last = indexAtOrAfter(to); i < last; i++) {
            sum += sentiment[i];
        }
        return sum;
    }

    private int indexAtOrAfter(long second) {
        // the first index whose time is >= second, among equal times the first
        int low = 0;
        int high = published.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (published[mid] < second) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        return "NewsFeed" + Arrays.toString(published);
    }
}
