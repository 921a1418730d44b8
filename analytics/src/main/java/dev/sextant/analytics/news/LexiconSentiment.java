package dev.sextant.analytics.news;

import dev.sextant.analytics.check.Check;
import java.util.List;

/**
 * Sextant's own deterministic headline sentiment scorer, {@value #NAME}: a finance lexicon of words
 * and phrases written for Sextant (the resource {@code sextant-lexicon-1.txt}, Apache-2.0, not
 * derived from any other lexicon) and a few rules on top of it.
 *
 * <ul>
 *   <li>Tokens are lower-case words; the longest lexicon entry at each position wins, so "beats
 *       estimates" counts as one strong phrase, not as "beats" plus a neutral word.
 *   <li>Negation: a negator ("not", "no", "never", "fails to", ...) flips, at {@value #NEGATED}
 *       strength, every sentiment term that starts within the {@value #NEGATION_WINDOW} tokens after it
 *       in the same clause. A negator that flips nothing adds its own weight ("fails to disclose").
 *   <li>Intensifiers scale a sentiment term starting within the {@value #INTENSIFIER_REACH} tokens after them
 *       ("sharply lower") or the term just before them ("falls sharply"); diminishers are
 *       intensifiers below 1 ("slightly").
 *   <li>Clauses: terms after a concessive word ("despite weak sales") count {@value #CONCESSIVE_WEIGHT} until
 *       the clause ends; a contrast word ("..., but ...") scales everything before it by
 *       {@value #CONTRAST_WEIGHT}.
 * </ul>
 *
 * <p>The summed weight {@code s} becomes {@code s / sqrt(s^2 + }{@value #NORMALISER}{@code )}, in
 * (-1, 1): one ordinary word (weight 1) gives 0.45, a strong phrase (2.5) 0.78. The label is
 * {@code neutral} inside the band |value| &lt; {@value #NEUTRAL_BAND}, so a lone weak word (weight
 * 0.5, "up", "deal") does not make a headline positive or negative.
 *
 * <p>Immutable and thread-safe: the lexicon is loaded once and never changes; a score allocates
 * only its tokens.
 */
public final class LexiconSentiment implements SentimentScorer {

    /** The scorer's name and version, carried by every score it gives. */
    public static final String NAME = "sextant-lexicon-1";

    /** |value| below this is labelled neutral. */
    public static final double NEUTRAL_BAND = 0.25;

    static final int NEGATION_WINDOW = 3;
    static final double NEGATED = -0.8;
    static final int INTENSIFIER_REACH = 2;
    static final double NORMALISER = 4.0;
    static final double CONCESSIVE_WEIGHT = 0.3;
    static final double CONTRAST_WEIGHT = 0.5;

    // Loaded once per class: immutable, so sharing it between instances and threads is safe.
    private static final class Default {
        static final Lexicon LEXICON = Lexicon.load(NAME + ".txt");
    }

    private final Lexicon lexicon;

    public LexiconSentiment() {
        this(Default.LEXICON);
    }

    LexiconSentiment(Lexicon lexicon) {
        this.lexicon = Check.notNull(lexicon, "lexicon");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SentimentScore score(String text) {
        Check.notNull(text, "text");
        double value = normalise(rawScore(HeadlineTokens.of(text)));
        return new SentimentScore(value, labelOf(value), NAME);
    }

    /** The label of a value by the documented neutral band. */
    public static String labelOf(double value) {
        if (value >= NEUTRAL_BAND) {
            return "positive";
        }
        if (value <= -NEUTRAL_BAND) {
            return "negative";
        }
        return "neutral";
    }

    static double normalise(double sum) {
        return sum == 0 ? 0 : sum / Math.sqrt(sum * sum + NORMALISER);
    }

    /** The summed weight of a token list, the rules applied in one left-to-right pass. */
    double rawScore(List<String> tokens) {
        double sum = 0;
        // negation: where the last negator ended, its own weight, whether it flipped anything
        int negatorEnd = Integer.MIN_VALUE / 2;
        double negatorWeight = 0;
        boolean negatorUsed = true;
        // intensifier waiting for the next term
        double pendingFactor = 1;
        int pendingEnd = Integer.MIN_VALUE / 2;
        // the last term, so an intensifier right after it can scale it
        double lastTerm = 0;
        int lastTermEnd = Integer.MIN_VALUE / 2;
        boolean lastTermScaled = true;
        double clauseScale = 1;

        int i = 0;
        int n = tokens.size();
        while (i < n) {
            if (tokens.get(i).equals(HeadlineTokens.BOUNDARY)) {
                if (!negatorUsed) {
                    sum += negatorWeight * clauseScale;
                    negatorUsed = true;
                }
                clauseScale = 1;
                negatorEnd = Integer.MIN_VALUE / 2;
                pendingEnd = Integer.MIN_VALUE / 2;
                lastTermScaled = true;
                i++;
                continue;
            }
            Lexicon.Entry entry = lexicon.longestAt(tokens, i);
            if (entry == null) {
                i++;
                continue;
            }
            int end = i + entry.length();
            switch (entry.kind()) {
                case SENTIMENT -> {
                    double term = entry.value() * clauseScale;
                    boolean scaled = false;
                    if (i - pendingEnd < INTENSIFIER_REACH) {
                        term *= pendingFactor;
                        scaled = true;
                    }
                    pendingFactor = 1;
                    pendingEnd = Integer.MIN_VALUE / 2;
                    if (i - negatorEnd < NEGATION_WINDOW) {
                        term *= NEGATED;
                        negatorUsed = true;
                    }
                    sum += term;
                    lastTerm = term;
                    lastTermEnd = end;
                    lastTermScaled = scaled;
                }
                case NEGATOR -> {
                    if (!negatorUsed) {
                        sum += negatorWeight * clauseScale;
                    }
                    negatorEnd = end;
                    negatorWeight = entry.value();
                    negatorUsed = false;
                }
                case INTENSIFIER -> {
                    if (i == lastTermEnd && !lastTermScaled) {
                        // "falls sharply": the intensifier follows the term it scales
                        sum += lastTerm * (entry.value() - 1);
                        lastTermScaled = true;
                    } else {
                        pendingFactor = entry.value();
                        pendingEnd = end;
                    }
                }
                case CONCESSIVE -> clauseScale = CONCESSIVE_WEIGHT;
                case CONTRAST -> {
                    if (!negatorUsed) {
                        sum += negatorWeight * clauseScale;
                        negatorUsed = true;
                    }
                    sum *= CONTRAST_WEIGHT;
                    clauseScale = 1;
                    negatorEnd = Integer.MIN_VALUE / 2;
                }
            }
            i = end;
        }
        if (!negatorUsed) {
            sum += negatorWeight * clauseScale;
        }
        return sum;
    }
}
