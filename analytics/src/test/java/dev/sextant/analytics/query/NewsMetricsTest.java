package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.news.LexiconSentiment;
import dev.sextant.analytics.news.NewsItem;
import dev.sextant.analytics.series.OhlcvSeries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SENTIMENT, BUZZ and NEWS_SCORE through the engine, over a fake news source that answers more
 * than it is asked (later articles, articles known only later, duplicates), against the same
 * numbers counted directly from the article list with calendar dates.
 */
class NewsMetricsTest {

    static final Clock TODAY = Clock.fixed(Instant.parse("2024-01-10T12:00:00Z"), ZoneOffset.UTC);
    static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);
    private static final LexiconSentiment LEXICON = new LexiconSentiment();

    private final QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS, TODAY);

    /** Bars for every symbol, and a list of articles per symbol answered whatever the dates asked. */
    static final class NewsData implements QueryEngine.Data {
        final Map<String, OhlcvSeries> series = new HashMap<>();
        final Map<String, List<NewsItem>> news = new LinkedHashMap<>();
        final Map<String, List<String>> universes = new HashMap<>();
        final List<String> newsCalls = new ArrayList<>();

        NewsData(String... symbols) {
            for (int i = 0; i < symbols.length; i++) {
                series.put(symbols[i], QueryEngineTest.walk(i, 1_000, 100, 0.02));
                news.put(symbols[i], new ArrayList<>());
            }
            universes.put("all", List.of(symbols));
        }

        @Override
        public QueryEngine.Series series(String symbol) {
            return new QueryEngine.Series(symbol, series.get(symbol), 252);
        }

        @Override
        public Optional<List<String>> universe(String name) {
            return Optional.ofNullable(universes.get(name));
        }

        @Override
        public List<NewsItem> news(String symbol, LocalDate from, LocalDate asOf) {
            newsCalls.add(symbol + " " + from + " " + asOf);
            return news.get(symbol); // everything: the engine must cut it itself
        }
    }

    static NewsItem article(
            String id, String headline, Instant published, Instant known, Double sentiment, String scorer) {
        return new NewsItem(
                id,
                "test",
                "Test Wire",
                "https://news.example/" + id,
                headline,
                null,
                published,
                known,
                List.of("S"),
                sentiment,
                scorer,
                false);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private List<Object> row(NewsData data, String query) {
        return engine.run(engine.parse(query), data).getFirst().rows().getFirst();
    }

    @Test
    void test_newsKnownAfterTheEvaluationDate_isInvisible() {
        NewsData data = new NewsData("S");
        List<NewsItem> items = data.news.get("S");
        items.add(article("a", "Acme beats estimates", at(AS_OF, 9), at(AS_OF, 9), null, null));
        // published within the window but only known the next day: a backtest must not see it
        items.add(article("b", "Acme files for bankruptcy", at(AS_OF, 22), at(AS_OF.plusDays(1), 1), null, null));
        // published after the evaluation date
        items.add(article("c", "Acme plunges", at(AS_OF.plusDays(2), 9), at(AS_OF.plusDays(2), 9), null, null));

        List<Object> row = row(data, "EVALUATE S: SENTIMENT(7d), NEWS_SCORE(7d) AS OF " + AS_OF);

        double onlyA = LEXICON.score("Acme beats estimates").value();
        assertThat((Double) row.get(1)).isCloseTo(onlyA, within(1e-12));
        assertThat((Double) row.get(2)).isCloseTo(onlyA / 4, within(1e-12));

        // a day later the late article is known and counts
        List<Object> later = row(data, "EVALUATE S: SENTIMENT(7d) AS OF " + AS_OF.plusDays(1));
        double both = (onlyA + LEXICON.score("Acme files for bankruptcy").value()) / 2;
        assertThat((Double) later.get(1)).isCloseTo(both, within(1e-12));
    }

    @Test
    void test_metricsAgainstADirectCount() {
        NewsData data = new NewsData("S");
        List<NewsItem> items = data.news.get("S");
        SplittableRandom random = new SplittableRandom(14);
        String[] headlines = {
            "Acme beats estimates",
            "Acme cuts guidance",
            "Acme names new CFO",
            "Acme shares soar",
            "Acme faces SEC probe"
        };
        for (int i = 0; i < 400; i++) {
            Instant published = at(AS_OF, 0).minus(Duration.ofMinutes(random.nextLong(0, 200L * 24 * 60)));
            Instant known = published.plus(Duration.ofMinutes(random.nextLong(0, 3 * 24 * 60)));
            String headline = headlines[random.nextInt(headlines.length)] + " " + i;
            // some stored by Sextant's scorer, some by a provider on its own scale, some unscored
            int kind = random.nextInt(3);
            Double stored = null;
            if (kind == 0) {
                stored = random.nextDouble(-1, 1);
            } else if (kind == 1) {
                stored = random.nextDouble(-0.35, 0.35);
            }
            String scorer = kind == 0 ? LexiconSentiment.NAME : kind == 1 ? "alphavantage" : null;
            items.add(article("id" + i, headline, published, known, stored, scorer));
        }
        items.add(items.get(5)); // the same article twice counts once

        for (String span : List.of("7d", "2w", "1m", "45d")) {
            List<Object> row = row(
                    data,
                    "EVALUATE S: SENTIMENT(" + span + "), BUZZ(" + span + "), NEWS_SCORE(" + span + ") AS OF " + AS_OF);
            int days = switch (span) {
                case "7d" -> 7;
                case "2w" -> 14;
                case "1m" -> 30;
                default -> 45;
            };
            Direct direct = direct(items.subList(0, items.size() - 1), AS_OF, days);
            assertThat((Double) row.get(1)).as("SENTIMENT " + span).isCloseTo(direct.sentiment, within(1e-12));
            assertThat((Double) row.get(2)).as("BUZZ " + span).isCloseTo(direct.buzz, within(1e-12));
            assertThat((Double) row.get(3)).as("NEWS_SCORE " + span).isCloseTo(direct.newsScore, within(1e-12));
        }
    }

    private record Direct(double sentiment, double buzz, double newsScore) {}

    /** The metrics counted from calendar dates: the window is the {@code days} dates ending AS_OF. */
    private static Direct direct(List<NewsItem> items, LocalDate asOf, int days) {
        LocalDate first = asOf.minusDays(days - 1);
        int baselineDays = Math.max(90, 3 * days);
        LocalDate baselineFirst = first.minusDays(baselineDays);
        double sum = 0;
        int inWindow = 0;
        int inBaseline = 0;
        for (NewsItem item : items) {
            LocalDate knownDay = item.knownAt().atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate day = item.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
            if (knownDay.isAfter(asOf) || day.isAfter(asOf)) {
                continue;
            }
            if (!day.isBefore(first)) {
                inWindow++;
                sum += LexiconSentiment.NAME.equals(item.scorer())
                        ? item.sentiment()
                        : LEXICON.score(item.headline()).value();
            } else if (!day.isBefore(baselineFirst)) {
                inBaseline++;
            }
        }
        double usual = inBaseline / ((double) baselineDays / days);
        return new Direct(sum / inWindow, inWindow / usual, sum / (inWindow + 3));
    }

    @Test
    void test_newsIsFetchedOnlyWhenAStatementNamesANewsMetric_andOnlyAsFarBackAsNeeded() {
        NewsData data = new NewsData("S", "T");
        row(data, "EVALUATE S: PRICE, RSI(14) AS OF " + AS_OF);
        assertThat(data.newsCalls).isEmpty();

        row(data, "EVALUATE S: SENTIMENT AS OF " + AS_OF);
        assertThat(data.newsCalls).containsExactly("S 2022-06-24 2022-06-30");

        data.newsCalls.clear();
        row(data, "COMPARE S vs T ON SENTIMENT(7d), BUZZ(7d) AS OF " + AS_OF);
        // BUZZ reads its 90-day baseline before the window
        assertThat(data.newsCalls).containsExactly("S 2022-03-26 2022-06-30", "T 2022-03-26 2022-06-30");
    }

    @Test
    void test_noArticles_isNull_andBuzzWithoutBaselineIsNull() {
        NewsData data = new NewsData("S");
        List<Object> none = row(data, "EVALUATE S: SENTIMENT, BUZZ, NEWS_SCORE AS OF " + AS_OF);
        assertThat(none.subList(1, 4)).containsOnlyNulls();

        data.news.get("S").add(article("a", "Acme soars", at(AS_OF, 8), at(AS_OF, 8), null, null));
        List<Object> onlyRecent = row(data, "EVALUATE S: SENTIMENT, BUZZ AS OF " + AS_OF);
        assertThat(onlyRecent.get(1)).isNotNull();
        assertThat(onlyRecent.get(2))
                .as("nothing in the 90 days before: no baseline")
                .isNull();

        data.news
                .get("S")
                .add(article("b", "Acme meeting", at(AS_OF.minusDays(30), 8), at(AS_OF.minusDays(30), 8), null, null));
        // one article in the window, one in 90 days of baseline (7/90 of one per window)
        assertThat((Double) row(data, "EVALUATE S: BUZZ AS OF " + AS_OF).get(1)).isCloseTo(90.0 / 7, within(1e-12));
    }

    @Test
    void test_periodIsTheWindowWhenNoneIsWritten() {
        NewsData data = new NewsData("S");
        LocalDate from = LocalDate.of(2022, 5, 1);
        data.news.get("S").add(article("in", "Acme beats estimates", at(from, 0), at(from, 0), null, null));
        data.news.get("S").add(article("before", "Acme plunges", at(from.minusDays(1), 23), at(from, 0), null, null));

        List<Object> row = row(data, "EVALUATE S: SENTIMENT, SENTIMENT(7d) FROM " + from + " TO " + AS_OF);
        assertThat((Double) row.get(1))
                .isCloseTo(LEXICON.score("Acme beats estimates").value(), within(1e-12));
        assertThat(row.get(2)).as("a window written counts back from TO").isNull();
    }

    @Test
    void test_scanOnSentiment_andTheColumnsSayTheScorer() {
        NewsData data = new NewsData("S", "T");
        data.news.get("S").add(article("s", "Acme beats estimates", at(AS_OF, 8), at(AS_OF, 8), null, null));
        data.news.get("T").add(article("t", "Bolt files for bankruptcy", at(AS_OF, 8), at(AS_OF, 8), null, null));

        QueryEngine.Table table = engine.run(engine.parse("SCAN all WHERE SENTIMENT(7d) > 0.3 AS OF " + AS_OF), data)
                .getFirst();
        assertThat(table.rows()).extracting(r -> r.getFirst()).containsExactly("S");
        assertThat(table.columns().get(1).unit()).isEqualTo("sentiment -1 to 1 (sextant-lexicon-1)");

        // the example of docs/DSL.md's News metrics section
        QueryEngine.Table documented = engine.run(
                        engine.parse(
                                "SCAN all WHERE SENTIMENT(7d) > 0.3 AND BUZZ(7d) >= 0 ORDER BY NEWS_SCORE DESC AS OF "
                                        + AS_OF),
                        data)
                .getFirst();
        assertThat(documented.rows()).isEmpty(); // S has no baseline, so its BUZZ is null: no match

        QueryEngine.Table buzz = engine.run(engine.parse("EVALUATE S: BUZZ, NEWS_SCORE AS OF " + AS_OF), data)
                .getFirst();
        assertThat(buzz.columns().get(1).unit()).isEqualTo("ratio");
        assertThat(buzz.columns().get(2).unit()).isEqualTo("sentiment -1 to 1 (sextant-lexicon-1)");
    }

    @Test
    void test_analyzeForSentiment_isTheNewsMetrics() {
        NewsData data = new NewsData("S");
        data.news.get("S").add(article("a", "Acme beats estimates", at(AS_OF, 8), at(AS_OF, 8), null, null));
        data.news
                .get("S")
                .add(article("b", "Acme cuts guidance", at(AS_OF.minusDays(40), 8), at(AS_OF, 8), null, null));

        QueryEngine.Table analyze = engine.run(engine.parse("ANALYZE S FOR SENTIMENT AS OF " + AS_OF), data)
                .getFirst();
        List<Object> evaluate = row(data, "EVALUATE S: SENTIMENT, BUZZ, NEWS_SCORE AS OF " + AS_OF);

        assertThat(analyze.columns())
                .extracting(QueryEngine.Column::name)
                .containsSubsequence("SENTIMENT", "BUZZ", "NEWS_SCORE");
        for (String name : List.of("SENTIMENT", "BUZZ", "NEWS_SCORE")) {
            int column = analyze.columns().stream()
                    .map(QueryEngine.Column::name)
                    .toList()
                    .indexOf(name);
            int expected = List.of("SENTIMENT", "BUZZ", "NEWS_SCORE").indexOf(name) + 1;
            assertThat(analyze.rows().getFirst().get(column)).as(name).isEqualTo(evaluate.get(expected));
        }
        assertThat(evaluate.subList(1, 4)).doesNotContainNull();
    }

    @Test
    void test_badArguments_areRefusedWithTheMetric() {
        assertThatThrownBy(() -> engine.parse("EVALUATE S: SENTIMENT(14)"))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("SENTIMENT(14)")
                .hasMessageContaining("span");
        assertThatThrownBy(() -> engine.parse("EVALUATE S: BUZZ(7d, 90d)"))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("BUZZ takes at most 1 arguments");
        assertThatThrownBy(() -> engine.parse("EVALUATE S: NEWS_SCORE(99y)")).isInstanceOf(QueryInvalid.class);
    }
}
