package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.news.LexiconSentiment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The news metrics' bounds on generated article sets: any publication times, delays until known,
 * stored scores (Sextant's, a provider's, none), windows. SENTIMENT and NEWS_SCORE stay within
 * [-1, 1], NEWS_SCORE never beyond SENTIMENT, BUZZ is never negative, and an article known after
 * the evaluation date never changes an answer.
 */
class NewsMetricsPropertiesTest {

    private final QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS, NewsMetricsTest.TODAY);
    private static final Instant END =
            NewsMetricsTest.AS_OF.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final List<String> HEADLINES = List.of(
            "Acme beats estimates", "Acme misses estimates", "Acme to hold meeting", "Acme soars", "Acme SEC probe");

    record Spec(long minutesBefore, long delayMinutes, int headline, int scoreKind, double stored) {}

    @Provide
    Arbitrary<List<Spec>> articles() {
        return Combinators.combine(
                        Arbitraries.longs().between(-3 * 24 * 60, 400L * 24 * 60),
                        Arbitraries.longs().between(0, 10L * 24 * 60),
                        Arbitraries.integers().between(0, HEADLINES.size() - 1),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.doubles().between(-1, 1))
                .as(Spec::new)
                .list()
                .ofMaxSize(60);
    }

    @Provide
    Arbitrary<String> spans() {
        return Arbitraries.of("1d", "7d", "30d", "2w", "3m", "1y");
    }

    private NewsMetricsTest.NewsData data(List<Spec> specs) {
        NewsMetricsTest.NewsData data = new NewsMetricsTest.NewsData("S");
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            Instant published = END.minus(Duration.ofMinutes(s.minutesBefore()));
            Double stored = s.scoreKind() == 2 ? null : s.stored();
            String scorer = s.scoreKind() == 0 ? LexiconSentiment.NAME : s.scoreKind() == 1 ? "provider" : null;
            data.news
                    .get("S")
                    .add(NewsMetricsTest.article(
                            "a" + i,
                            HEADLINES.get(s.headline()),
                            published,
                            published.plus(Duration.ofMinutes(s.delayMinutes())),
                            stored,
                            scorer));
        }
        return data;
    }

    private List<Object> evaluate(NewsMetricsTest.NewsData data, String span) {
        String query = "EVALUATE S: SENTIMENT(" + span + "), BUZZ(" + span + "), NEWS_SCORE(" + span + ") AS OF "
                + NewsMetricsTest.AS_OF;
        return engine.run(engine.parse(query), data).getFirst().rows().getFirst();
    }

    @Property(tries = 300)
    void boundsHold(@ForAll("articles") List<Spec> specs, @ForAll("spans") String span) {
        List<Object> row = evaluate(data(specs), span);
        Double sentiment = (Double) row.get(1);
        Double buzz = (Double) row.get(2);
        Double score = (Double) row.get(3);
        if (sentiment != null) {
            assertThat(sentiment).isBetween(-1.0, 1.0);
            assertThat(score).isNotNull();
            assertThat(Math.abs(score)).isLessThanOrEqualTo(Math.abs(sentiment));
        } else {
            assertThat(score).isNull();
        }
        if (buzz != null) {
            assertThat(buzz).isGreaterThanOrEqualTo(0.0).isFinite();
        }
    }

    @Property(tries = 200)
    void laterKnowledgeChangesNothing(@ForAll("articles") List<Spec> specs, @ForAll("spans") String span) {
        NewsMetricsTest.NewsData data = data(specs);
        List<Object> before = evaluate(data, span);
        // articles published in the window but known only after the evaluation date
        for (int i = 0; i < 5; i++) {
            data.news
                    .get("S")
                    .add(NewsMetricsTest.article(
                            "late" + i,
                            "Acme files for bankruptcy",
                            END.minus(Duration.ofHours(i + 1)),
                            END.plus(Duration.ofMinutes(i)),
                            null,
                            null));
        }
        assertThat(evaluate(data, span)).isEqualTo(before);
    }
}
