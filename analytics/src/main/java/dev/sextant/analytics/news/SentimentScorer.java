package dev.sextant.analytics.news;

/** Scores the sentiment of a headline (or a headline and its summary). Deterministic and thread-safe. */
public interface SentimentScorer {

    /** Name and version, e.g. {@code sextant-lexicon-1}: the {@code scorer} of every score it gives. */
    String name();

    SentimentScore score(String text);
}
