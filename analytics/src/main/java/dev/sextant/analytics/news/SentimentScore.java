package dev.sextant.analytics.news;

/**
 * A text's sentiment as one scorer sees it.
 *
 * @param value -1 (negative) to 1 (positive), 0 neutral
 * @param label {@code positive}, {@code negative} or {@code neutral}
 * @param scorer the scorer's name and version, so every number says who produced it
 */
public record SentimentScore(double value, String label, String scorer) {}
