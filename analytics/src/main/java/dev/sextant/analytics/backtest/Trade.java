package dev.sextant.analytics.backtest;

/**
 * One closed round trip: fill times (bar start epoch seconds) and prices after slippage, units
 * held, and profit after commissions.
 */
public record Trade(long entryTime, double entryPrice, long exitTime, double exitPrice, double units, double pnl) {}
