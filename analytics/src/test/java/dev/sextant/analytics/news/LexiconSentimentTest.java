package dev.sextant.analytics.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scorer through its public face: the finance phrases, negation, intensifiers, clauses, band. */
class LexiconSentimentTest {

    private final LexiconSentiment scorer = new LexiconSentiment();

    static Stream<Arguments> phrases() {
        return Stream.of(
                Arguments.of("Acme beats estimates on cloud demand", "positive"),
                Arguments.of("Acme misses estimates as costs climb", "negative"),
                Arguments.of("Acme cuts guidance for the full year", "negative"),
                Arguments.of("Acme raises guidance after a strong quarter", "positive"),
                Arguments.of("Broker downgrades Acme to hold", "negative"),
                Arguments.of("Broker upgrades Acme to buy", "positive"),
                Arguments.of("Acme posts record revenue", "positive"),
                Arguments.of("Acme files for bankruptcy", "negative"),
                Arguments.of("SEC probe into Acme's accounting", "negative"),
                Arguments.of("Acme to hold annual meeting on Tuesday", "neutral"),
                Arguments.of("Acme names new chief financial officer", "neutral"),
                Arguments.of("", "neutral"),
                Arguments.of("   ", "neutral"));
    }

    @ParameterizedTest
    @MethodSource("phrases")
    void test_score_financePhrases(String headline, String label) {
        SentimentScore score = scorer.score(headline);
        assertThat(score.label()).as(headline + " scored " + score.value()).isEqualTo(label);
        assertThat(score.scorer()).isEqualTo("sextant-lexicon-1");
    }

    @Test
    void test_score_phraseOutweighsItsWords() {
        // "beats estimates" is one strong entry; "beats" alone is an ordinary positive word
        assertThat(scorer.score("Acme beats estimates").value())
                .isGreaterThan(scorer.score("Acme beats").value());
        assertThat(scorer.score("Acme beats").value()).isPositive();
    }

    @Test
    void test_score_negationFlipsTheFollowingWords() {
        double plain = scorer.score("Acme results are strong").value();
        double negated = scorer.score("Acme results are not strong").value();
        assertThat(plain).isPositive();
        assertThat(negated).isNegative();
        // flipped at reduced strength: "not strong" is milder than "weak"-strength "strong"
        assertThat(Math.abs(negated)).isLessThan(plain);

        assertThat(scorer.score("Acme fails to beat estimates").label()).isEqualTo("negative");
        assertThat(scorer.score("No bankruptcy risk for Acme, lenders say").value())
                .isGreaterThan(
                        scorer.score("Bankruptcy risk for Acme, lenders say").value());
        assertThat(scorer.score("Acme doesn't expect losses").value()).isPositive();
    }

    @Test
    void test_score_negationHasASmallWindow() {
        // the positive word sits four tokens after "not": outside the window, so not flipped
        assertThat(scorer.score("Acme will not change its plan after strong sales")
                        .value())
                .isEqualTo(scorer.score("Acme will change its plan after strong sales")
                        .value());
    }

    @Test
    void test_score_negationStopsAtTheClause() {
        assertThat(scorer.score("Not yet; strong sales").value()).isPositive();
    }

    @Test
    void test_score_negatorWithNothingToFlipKeepsItsOwnWeight() {
        assertThat(scorer.score("Acme fails to file its annual report").label()).isEqualTo("negative");
        assertThat(scorer.score("No comment from Acme").label()).isEqualTo("neutral");
    }

    @Test
    void test_score_intensifiersAndDiminishers() {
        double plain = scorer.score("Acme shares fall").value();
        assertThat(scorer.score("Acme shares fall sharply").value()).isLessThan(plain);
        assertThat(scorer.score("Acme shares sharply fall").value())
                .isEqualTo(scorer.score("Acme shares fall sharply").value());
        assertThat(scorer.score("Acme shares fall slightly").value())
                .isGreaterThan(plain)
                .isNegative();
        assertThat(scorer.score("Acme posts record loss").value())
                .isLessThan(scorer.score("Acme posts loss").value());
    }

    @Test
    void test_score_concessiveClauseCountsHalf() {
        assertThat(scorer.score("Acme shares rise despite weak sales").label()).isEqualTo("positive");
        assertThat(scorer.score("Despite weak sales, Acme shares soar").label()).isEqualTo("positive");
        assertThat(scorer.score("Acme shares fall despite strong sales").label())
                .isEqualTo("negative");
    }

    @Test
    void test_score_contrastWeighsWhatComesAfter() {
        assertThat(scorer.score("Revenue growth slows, but Acme beats estimates")
                        .label())
                .isEqualTo("positive");
        assertThat(scorer.score("Acme beats estimates but cuts guidance").label())
                .isEqualTo("negative");
    }

    @Test
    void test_score_prefixEntriesMatchInflections() {
        for (String verb : List.of("downgrade", "downgrades", "downgraded", "downgrading")) {
            assertThat(scorer.score("Analyst " + verb + " Acme").label())
                    .as(verb)
                    .isEqualTo("negative");
        }
        // "lifts" is both the start of "lifts guidance" and a word matched by "lift*"
        assertThat(scorer.score("Acme lifts").value()).isPositive();
        assertThat(scorer.score("Acme lifts guidance").value())
                .isGreaterThan(scorer.score("Acme lifts").value());
    }

    @Test
    void test_score_caseAndPunctuationDoNotMatter() {
        double value = scorer.score("acme beats estimates").value();
        assertThat(scorer.score("ACME BEATS ESTIMATES!").value()).isEqualTo(value);
        assertThat(scorer.score("Acme \"beats\" estimates...").value()).isEqualTo(value);
        assertThat(scorer.score("Acme beats-estimates").value()).isEqualTo(value);
    }

    @Test
    void test_score_localeIndependent() {
        Locale before = Locale.getDefault();
        double value = scorer.score("INSOLVENCY FILING AT ACME").value();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(scorer.score("INSOLVENCY FILING AT ACME").value())
                    .isEqualTo(value)
                    .isNegative();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void test_score_valueAndLabelAgreeWithTheBand() {
        for (String text : List.of("Acme deal", "Acme up", "Acme beats", "Acme plunges", "Acme")) {
            SentimentScore s = scorer.score(text);
            assertThat(s.label()).isEqualTo(LexiconSentiment.labelOf(s.value()));
        }
        assertThat(LexiconSentiment.labelOf(0.249)).isEqualTo("neutral");
        assertThat(LexiconSentiment.labelOf(0.25)).isEqualTo("positive");
        assertThat(LexiconSentiment.labelOf(-0.25)).isEqualTo("negative");
        // a lone weak word stays inside the band
        assertThat(scorer.score("Acme shares up").label()).isEqualTo("neutral");
    }

    @Test
    void test_score_normalisation() {
        // one ordinary word of weight 1 maps to 1 / sqrt(1 + 4)
        assertThat(scorer.score("Acme gains").value()).isCloseTo(1 / Math.sqrt(5), within(1e-12));
    }

    @Test
    void test_score_deterministicAcrossThreads() {
        List<String> texts = IntStream.range(0, 200)
                .mapToObj(i -> (i % 3 == 0 ? "Acme beats estimates " : "Acme shares fall sharply ") + i)
                .toList();
        List<Double> sequential =
                texts.stream().map(t -> new LexiconSentiment().score(t).value()).toList();
        List<Double> parallel =
                texts.parallelStream().map(t -> scorer.score(t).value()).toList();
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void test_score_untrustedText() {
        // markup, control characters, emoji, other scripts: tokens like any other, nothing breaks
        assertThat(scorer.score("<script>alert('beats estimates')</script>").label())
                .isEqualTo("positive");
        assertThat(scorer.score("\u0000\u202e\u200b\uD83D\uDE80\uD83D\uDE80 to the moon \uFFFF")
                        .label())
                .isEqualTo("neutral");
        assertThat(scorer.score("\uD800 lone surrogate \uDFFF").label()).isEqualTo("neutral");
        assertThat(scorer.score("アクメ 株価 急落 bankruptcy").label()).isEqualTo("negative");
        assertThat(scorer.score("'''''n't'''").value()).isBetween(-1.0, 1.0);
    }

    @Test
    void test_score_hugeInputStaysBoundedAndFast() {
        // linear in the text: a quadratic step would take minutes on this much
        String huge = "Acme plunges; not. ".repeat(30_000) + "x".repeat(100_000);
        long start = System.nanoTime();
        SentimentScore s = scorer.score(huge);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(s.value()).isBetween(-1.0, 1.0).isNegative();
        assertThat(millis).isLessThan(10_000);
    }

    @Test
    void test_score_nullRefused() {
        assertThatThrownBy(() -> scorer.score(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("text");
    }

    @Test
    void test_lexicon_headerStatesItsOrigin() throws IOException {
        try (InputStream in = LexiconSentiment.class.getResourceAsStream("sextant-lexicon-1.txt")) {
            assertThat(in).isNotNull();
            String head = new String(in.readNBytes(600), StandardCharsets.UTF_8);
            assertThat(head)
                    .contains("Sextant's own")
                    .contains("Apache License")
                    .contains("not derived");
        }
    }

    @Test
    void test_lexicon_badFilesRefusedWithTheLine() {
        assertThatThrownBy(() -> Lexicon.parse(List.of("good = 1")))
                .hasMessageContaining("line 1")
                .hasMessageContaining("section");
        assertThatThrownBy(() -> Lexicon.parse(List.of("[sentiment]", "good"))).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Lexicon.parse(List.of("[sentiment]", "good = x")))
                .hasMessageContaining("bad value");
        assertThatThrownBy(() -> Lexicon.parse(List.of("[sentiment]", "good = 1", "good = 2")))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Lexicon.parse(List.of("[sentiment]", "Good = 1")))
                .hasMessageContaining("bad token");
        assertThatThrownBy(() -> Lexicon.parse(List.of("[feelings]"))).hasMessageContaining("unknown section");
        assertThatThrownBy(() -> Lexicon.parse(List.of("[contrast]", "but = 1")))
                .hasMessageContaining("takes no value");
    }

    @Test
    void test_lexicon_defaultLoads() {
        assertThat(Lexicon.load("sextant-lexicon-1.txt").size()).isGreaterThan(400);
    }
}
