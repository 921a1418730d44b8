package dev.sextant.analytics.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the scorer on generated text: sequences of lexicon words, negators, intensifiers
 * and punctuation (which reach the rules), and arbitrary strings (which reach the tokenizer).
 */
class LexiconSentimentPropertiesTest {

    private static final List<String> WORDS = List.of(
            "beats",
            "estimates",
            "misses",
            "not",
            "no",
            "fails",
            "to",
            "sharply",
            "slightly",
            "record",
            "revenue",
            "loss",
            "despite",
            "but",
            "downgrade",
            "upgrade",
            "files",
            "for",
            "bankruptcy",
            "SEC",
            "probe",
            "cuts",
            "raises",
            "guidance",
            "shares",
            "Acme",
            ",",
            ";",
            "-",
            "n't",
            "'s",
            "up",
            "down");

    private final LexiconSentiment scorer = new LexiconSentiment();

    @Provide
    Arbitrary<String> headlines() {
        return Arbitraries.of(WORDS).list().ofMaxSize(30).map(words -> String.join(" ", words));
    }

    @Property(tries = 2000)
    void valueWithinBoundsAndLabelMatchesBand(@ForAll("headlines") String text) {
        check(text);
    }

    @Property(tries = 1000)
    void arbitraryTextNeverBreaksTheScorer(@ForAll String text) {
        check(text);
    }

    @Property(tries = 500)
    void sameTextSameScore(@ForAll("headlines") String text) {
        assertThat(new LexiconSentiment().score(text)).isEqualTo(scorer.score(text));
    }

    @Property(tries = 500)
    void upperCaseDoesNotChangeTheScore(@ForAll("headlines") String text) {
        assertThat(scorer.score(text.toUpperCase(java.util.Locale.ROOT)).value())
                .isEqualTo(scorer.score(text).value());
    }

    @Property(tries = 500)
    void wordsOutsideTheLexiconAddNothing(@ForAll("headlines") String text) {
        // a separate clause of words the lexicon does not know leaves the score as it was
        assertThat(scorer.score(text + "; zyxw qrst").value())
                .isEqualTo(scorer.score(text + ";").value());
    }

    private void check(String text) {
        SentimentScore s = scorer.score(text);
        assertThat(s.value()).isBetween(-1.0, 1.0);
        assertThat(Double.isFinite(s.value())).isTrue();
        assertThat(s.label()).isEqualTo(LexiconSentiment.labelOf(s.value()));
        assertThat(s.scorer()).isEqualTo(LexiconSentiment.NAME);
    }
}
