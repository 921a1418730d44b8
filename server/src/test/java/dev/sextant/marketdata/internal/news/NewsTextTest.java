package dev.sextant.marketdata.internal.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Untrusted article text becomes capped plain text: the rules, and properties over random input. */
class NewsTextTest {

    @Test
    void test_markupIsDropped_referencesDecoded_controlsStripped() {
        assertThat(NewsText.clean("<p>Acme &amp; Bolt <b>merge</b></p>", 300)).isEqualTo("Acme & Bolt merge");
        assertThat(NewsText.clean("&lt;script&gt;alert(1)&lt;/script&gt;", 300))
                .as("escaped markup is text about markup, and stays text")
                .isEqualTo("<script>alert(1)</script>");
        assertThat(NewsText.clean("Profit\u0000 up\u202e 5%\r\n\u200bnow", 300)).isEqualTo("Profit up 5% now");
        assertThat(NewsText.clean("S&P 500 < 4,000? &#8212; &#x2014; &bogus; &#99999999;", 300))
                .isEqualTo("S&P 500 < 4,000? — — &bogus; &#99999999;");
        assertThat(NewsText.clean(null, 300)).isNull();
    }

    @Test
    void test_capKeepsSurrogatePairsWhole() {
        String text = "a".repeat(298) + "😀😀😀";
        String capped = NewsText.clean(text, 300);
        assertThat(capped).hasSizeLessThanOrEqualTo(300).endsWith("…");
        assertThat(capped.codePoints()).noneMatch(c -> Character.getType(c) == Character.SURROGATE);
    }

    /** Whatever comes in: at most the cap, no control or format characters, no tags, and cleaning again changes nothing. */
    @Test
    void test_properties_overRandomText() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "ab <>/&;#x0123!\"'\u0000\u0007\u001b\u200b\u202e\u2028\n\t😀é";
        for (int run = 0; run < 2_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 700);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            int max = random.nextInt(10, 400);
            String clean = NewsText.clean(text.toString(), max);
            assertThat(clean.length()).isLessThanOrEqualTo(max);
            assertThat(clean.codePoints())
                    .noneMatch(c -> Character.isISOControl(c)
                            || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.SURROGATE
                            || c == '\u2028');
            assertThat(clean).isEqualTo(clean.strip());
            if (!clean.contains("&") && !clean.contains("<")) {
                assertThat(NewsText.clean(clean, max)).isEqualTo(clean);
            }
        }
    }
}
