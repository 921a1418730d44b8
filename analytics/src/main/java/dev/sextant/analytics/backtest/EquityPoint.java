package dev.sextant.analytics.backtest;

/** The account's value at a bar's close (cash plus the position at the close). */
public record EquityPoint(long time, double value) {}
