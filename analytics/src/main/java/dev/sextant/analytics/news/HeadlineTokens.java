package dev.sextant.analytics.news;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into the lower-case word tokens the lexicon is written in. Letters and digits make
 * words; an apostrophe inside a word is kept only to read "n't" as {@code not} and to drop a
 * possessive "'s"; hyphens and slashes split words ("better-than-expected" is three tokens);
 * clause punctuation ({@code , ; : . ! ?} and a spaced dash) becomes {@link #BOUNDARY}, which ends
 * a negation or a "despite" clause and which no lexicon entry spans.
 *
 * <p>Lower-casing is per code point and locale-free, so a Turkish default locale cannot change a
 * score. Stateless and thread-safe.
 */
final class HeadlineTokens {

    /** The token standing for clause punctuation; it never matches a lexicon entry. */
    static final String BOUNDARY = "|";

    private HeadlineTokens() {}

    static List<String> of(String text) {
        List<String> tokens = new ArrayList<>(Math.min(64, text.length() / 4 + 4));
        StringBuilder word = new StringBuilder(16);
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if (isApostrophe(cp)
                    && !word.isEmpty()
                    && i + width < n
                    && Character.isLetter(text.codePointAt(i + width))) {
                word.append('\'');
            } else {
                flush(word, tokens);
                if (isClauseEnd(cp, text, i, width)) {
                    addBoundary(tokens);
                }
            }
            i += width;
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        int apostrophe = w.indexOf('\'');
        if (apostrophe >= 0) {
            if (w.endsWith("n't")) {
                // "doesn't", "can't", "won't": the negation is what scores, the verb rarely does
                tokens.add("not");
                return;
            }
            w = w.substring(0, apostrophe);
            if (w.isEmpty()) {
                return;
            }
        }
        tokens.add(w);
    }

    private static void addBoundary(List<String> tokens) {
        if (!tokens.isEmpty() && !tokens.getLast().equals(BOUNDARY)) {
            tokens.add(BOUNDARY);
        }
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }

    private static boolean isClauseEnd(int cp, String text, int i, int width) {
        return switch (cp) {
            case ',', ';', ':', '.', '!', '?', '|', '\u2013', '\u2014' -> !isDecimalPoint(cp, text, i, width);
            // a dash with space around it separates clauses; one inside a word only splits the word
            case '-' ->
                i > 0
                        && i + width < text.length()
                        && Character.isWhitespace(text.charAt(i - 1))
                        && Character.isWhitespace(text.charAt(i + width));
            default -> false;
        };
    }

    /** "3.5%" and "1,200": a point or comma between digits does not end a clause. */
    private static boolean isDecimalPoint(int cp, String text, int i, int width) {
        return (cp == '.' || cp == ',')
                && i > 0
                && i + width < text.length()
                && Character.isDigit(text.charAt(i - 1))
                && Character.isDigit(text.charAt(i + width));
    }
}
