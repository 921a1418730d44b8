package dev.sextant.analytics.news;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The baseline the lexicon's rules must beat: a plain count of positive minus negative words, with
 * the same single words as sextant-lexicon-1 but none of its rules (no phrases, no negation, no
 * intensifiers, no clauses, weights ignored). It reads the lexicon file on its own, with a regex
 * tokenizer, and shares no code with the scorer.
 */
final class WordCountBaseline {

    private final List<String> positive = new ArrayList<>();
    private final List<String> negative = new ArrayList<>();

    WordCountBaseline() throws IOException {
        try (InputStream in = LexiconSentiment.class.getResourceAsStream("sextant-lexicon-1.txt")) {
            boolean inSentiment = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.replaceAll("#.*", "").trim();
                if (l.startsWith("[")) {
                    inSentiment = l.equals("[sentiment]");
                } else if (inSentiment && l.contains("=")) {
                    String[] parts = l.split("=");
                    String word = parts[0].trim();
                    if (!word.contains(" ")) {
                        (Double.parseDouble(parts[1].trim()) > 0 ? positive : negative).add(word);
                    }
                }
            }
        }
    }

    String label(String text) {
        int count = 0;
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (matches(positive, token)) {
                count++;
            } else if (matches(negative, token)) {
                count--;
            }
        }
        return count > 0 ? "positive" : count < 0 ? "negative" : "neutral";
    }

    private static boolean matches(List<String> words, String token) {
        for (String w : words) {
            if (w.endsWith("*") ? token.startsWith(w.substring(0, w.length() - 1)) : token.equals(w)) {
                return true;
            }
        }
        return false;
    }
}
