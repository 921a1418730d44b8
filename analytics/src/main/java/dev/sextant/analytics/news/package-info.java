/**
 * News as point-in-time data: an article as Sextant knew it ({@link NewsItem}) and how its
 * headline's sentiment is scored ({@link SentimentScorer}). Pure values and functions; the server's
 * market-data layer fetches, deduplicates and stores the articles.
 */
@NullMarked
package dev.sextant.analytics.news;

import org.jspecify.annotations.NullMarked;
