package dev.sextant.analytics.query;

import dev.sextant.analytics.Units;
import java.time.LocalDate;
import java.util.Set;

/**
 * The news metrics over a symbol's {@link NewsFeed}. Their windows are calendar time, not sessions
 * (news runs every day): {@code 7d} is the seven days ending with the evaluation date, {@code w}
 * seven days, {@code m} thirty, {@code y} 365; with {@code FROM ... TO} and no window written, the
 * period.
 *
 * <ul>
 *   <li>{@code SENTIMENT(w)}: the mean sextant-lexicon-1 sentiment of the articles published in the
 *       window, -1 to 1; null when there are none.
 *   <li>{@code BUZZ(w)}: the window's article count over the average count of a window as long in
 *       the baseline, the {@value #BASELINE_DAYS} days before the window (or three windows when the
 *       window is longer than {@value #BASELINE_DAYS}/3 days); 1 is usual attention, 2 twice it.
 *       Null when the baseline holds no article.
 *   <li>{@code NEWS_SCORE(w)}: the window's mean sentiment shrunk towards neutral by its coverage,
 *       {@code sum of sentiments / (n + }{@value #PRIOR_ARTICLES}{@code )} = SENTIMENT x n / (n +
 *       {@value #PRIOR_ARTICLES}): one article counts a quarter of its sentiment, nine three
 *       quarters. -1 to 1; null when there are no articles.
 * </ul>
 */
final class NewsMetrics {

    static final Set<String> NAMES = Set.of("SENTIMENT", "BUZZ", "NEWS_SCORE");

    static final int BASELINE_DAYS = 90;
    static final int PRIOR_ARTICLES = 3;
    static final Ast.Span SEVEN_DAYS = new Ast.Span(7, 'd');

    /** The unit of SENTIMENT and NEWS_SCORE: the scale and the scorer that produced every number. */
    static final String SENTIMENT_UNIT = Units.SENTIMENT + " (" + NewsFeed.SCORER.name() + ")";

    private static final long DAY = 86_400;

    private NewsMetrics() {}

    static boolean isNews(Ast.Metric metric) {
        return NAMES.contains(metric.name());
    }

    static Double sentiment(Metrics.Context context, Ast.Argument span) {
        NewsFeed feed = context.news();
        long from = feed.end() - windowSeconds(context, span);
        int n = feed.count(from, feed.end());
        return n == 0 ? null : feed.sentimentSum(from, feed.end()) / n;
    }

    static Double buzz(Metrics.Context context, Ast.Argument span) {
        NewsFeed feed = context.news();
        long window = windowSeconds(context, span);
        long from = feed.end() - window;
        long baseline = baselineSeconds(window);
        int before = feed.count(from - baseline, from);
        if (before == 0) {
            return null;
        }
        double perWindow = (double) before * window / baseline;
        return feed.count(from, feed.end()) / perWindow;
    }

    static Double newsScore(Metrics.Context context, Ast.Argument span) {
        NewsFeed feed = context.news();
        long from = feed.end() - windowSeconds(context, span);
        int n = feed.count(from, feed.end());
        return n == 0 ? null : feed.sentimentSum(from, feed.end()) / (n + PRIOR_ARTICLES);
    }

    /**
     * The first day of news a metric reads for an evaluation date: its window, and for BUZZ the
     * baseline before it.
     */
    static LocalDate firstDay(Ast.Metric metric, LocalDate asOf, LocalDate periodFrom) {
        Ast.Argument span = Metrics.of(metric).withDefaults(metric).getFirst();
        long window = metric.arguments().isEmpty() && periodFrom != null
                ? (asOf.toEpochDay() - periodFrom.toEpochDay() + 1) * DAY
                : days((Ast.Span) span) * DAY;
        long total = window + (metric.name().equals("BUZZ") ? baselineSeconds(window) : 0);
        return asOf.plusDays(1).minusDays(total / DAY);
    }

    static long windowSeconds(Metrics.Context context, Ast.Argument span) {
        if (span == Metrics.PERIOD) {
            return Math.max(0, context.news().end() - context.periodFrom());
        }
        return days((Ast.Span) span) * DAY;
    }

    private static long baselineSeconds(long window) {
        return Math.max(BASELINE_DAYS * DAY, 3 * window);
    }

    static long days(Ast.Span span) {
        return switch (span.unit()) {
            case 'd' -> span.amount();
            case 'w' -> 7L * span.amount();
            case 'm' -> 30L * span.amount();
            default -> 365L * span.amount();
        };
    }
}
