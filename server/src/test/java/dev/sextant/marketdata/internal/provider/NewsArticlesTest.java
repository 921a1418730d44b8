package dev.sextant.marketdata.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The rules every news adapter applies to what it was sent. The properties run on seeded random
 * cases (the repetition number is the seed), so a failure names the case that reproduces it.
 */
class NewsArticlesTest {

    private static final Instant FROM = Instant.parse("2025-06-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-11T00:00:00Z");

    @RepeatedTest(300)
    void newestFirst_isTheWindowSortedAndCut_asAPlainLoopComputesIt(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<Integer> hours = new ArrayList<>();
        for (int n = random.nextInt(61); n > 0; n--) {
            hours.add(random.nextInt(-200, 701));
        }
        int limit = random.nextInt(81);
        NewsArticles articles = new NewsArticles("p", "AAPL", FROM, TO);
        Instant base = FROM.minusSeconds(48 * 3600);
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            Instant at = base.plusSeconds(hours.get(i) * 3600L);
            times.add(at);
            articles.add("https://a.example/" + i, "title " + i, null, "src", at, List.of(), null);
        }

        List<ProviderArticle> kept = articles.newestFirst(limit);

        // Independent reference: selection by repeated maximum, not by a sort.
        List<Instant> inside = new ArrayList<>();
        for (Instant at : times) {
            if (!at.isBefore(FROM) && at.isBefore(TO)) {
                inside.add(at);
            }
        }
        List<Instant> expected = new ArrayList<>();
        while (!inside.isEmpty() && expected.size() < limit) {
            Instant newest = inside.getFirst();
            for (Instant at : inside) {
                newest = at.isAfter(newest) ? at : newest;
            }
            inside.remove(newest);
            expected.add(newest);
        }
        assertThat(kept).extracting(ProviderArticle::publishedAt).containsExactlyElementsOf(expected);
    }

    @RepeatedTest(200)
    void cap_isAlwaysAskable(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int limit = random.nextBoolean() ? random.nextInt() : random.nextInt(-5, 300);
        int providerMaximum = random.nextInt(1, 5001);
        int asked = NewsArticles.cap(limit, providerMaximum);
        assertThat(asked).isBetween(1, Math.min(NewsArticles.MAX_LIMIT, providerMaximum));
    }

    @RepeatedTest(200)
    void sentiment_isKeptInsideMinusOneToOne(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 1.0, 0.0, -0.0};
        double score = random.nextInt(5) == 0
                ? specials[random.nextInt(specials.length)]
                : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-3, 6));
        NewsArticles articles = new NewsArticles("p", "AAPL", FROM, TO);
        articles.add("https://a.example/x", "t", null, null, FROM, List.of(), score);
        Double kept = articles.newestFirst(1).getFirst().sentiment();
        if (Double.isFinite(score)) {
            assertThat(kept).isBetween(-1.0, 1.0).isEqualTo(Math.max(-1.0, Math.min(1.0, score)));
        } else {
            assertThat(kept).isNull();
        }
    }

    @Test
    void test_untrustedFields_addressesMustBeHttp_titleRequired_symbolsSanitised() {
        NewsArticles articles = new NewsArticles("feed", "AAPL", FROM, TO);
        Instant at = FROM.plusSeconds(60);
        for (String url : List.of(
                "javascript:alert(1)",
                "data:text/html,<script>x</script>",
                "/relative/path",
                "ftp://a.example/f",
                "https://",
                "not a url",
                " ")) {
            articles.add(url, "title", null, null, at, List.of(), null);
        }
        articles.add("https://a.example/ok", "  ", null, null, at, List.of(), null);
        articles.add(
                "HTTPS://a.example/kept",
                "  Kept  ",
                " ",
                " ",
                at,
                List.of("msft", "<script>", "", "BRK-B", "AAPL"),
                null);

        assertThat(articles.newestFirst(10))
                .containsExactly(new ProviderArticle(
                        "HTTPS://a.example/kept", "Kept", null, "feed", at, List.of("AAPL", "MSFT", "BRK-B"), null));
    }

    @Test
    void test_anAnswerWhereNoArticleHasADate_isBadData_butOneUndatedArticleIsDropped() {
        NewsArticles allUndated = new NewsArticles("p", "AAPL", FROM, TO);
        allUndated.add("https://a.example/1", "t", null, null, null, List.of(), null);
        assertThatThrownBy(() -> allUndated.newestFirst(10))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));

        NewsArticles oneUndated = new NewsArticles("p", "AAPL", FROM, TO);
        oneUndated.add("https://a.example/1", "t", null, null, null, List.of(), null);
        oneUndated.add("https://a.example/2", "u", null, null, FROM, List.of(), null);
        assertThat(oneUndated.newestFirst(10)).extracting(ProviderArticle::url).containsExactly("https://a.example/2");
        assertThat(new NewsArticles("p", "AAPL", FROM, TO).newestFirst(10)).isEmpty();
    }

    @Test
    void test_feedDates_rfc822VariantsAndRfc3339() {
        Instant expected = Instant.parse("2025-06-10T14:30:00Z");
        assertThat(FeedParser.date("Tue, 10 Jun 2025 14:30:00 +0000")).isEqualTo(expected);
        assertThat(FeedParser.date("Tue, 10 Jun 2025 14:30:00 GMT")).isEqualTo(expected);
        assertThat(FeedParser.date("Tue, 10 Jun 2025 10:30:00 EDT")).isEqualTo(expected);
        assertThat(FeedParser.date("10 Jun 2025 14:30:00 UT")).isEqualTo(expected);
        assertThat(FeedParser.date("Tue, 10 Jun 2025 14:30 Z")).isEqualTo(expected);
        assertThat(FeedParser.date("Tue, 10 Jun 2025 07:30:00 -0700")).isEqualTo(expected);
        assertThat(FeedParser.date("2025-06-10T16:30:00+02:00")).isEqualTo(expected);
        assertThat(FeedParser.date("Wed, 10 Jun 2025 14:30:00 +0000"))
                .as("wrong weekday")
                .isNull();
        assertThat(FeedParser.date("yesterday")).isNull();
        assertThat(FeedParser.date(null)).isNull();
    }
}
