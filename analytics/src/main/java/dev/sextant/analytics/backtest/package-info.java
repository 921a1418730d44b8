/**
 * Event-driven backtests over {@link dev.sextant.analytics.series.OhlcvSeries} bars. {@link
 * dev.sextant.analytics.backtest.Backtest} is the face: {@code run} a {@link
 * dev.sextant.analytics.backtest.Strategy} over a series with a {@link
 * dev.sextant.analytics.backtest.BacktestConfig}, get a {@link
 * dev.sextant.analytics.backtest.BacktestResult}; {@code smaCross} is the built-in strategy;
 * {@code lookAhead} probes a strategy for reading the future.
 *
 * <p>At each bar t the engine hands the strategy a window of bars {@code [0, t]} that cannot read
 * past t; a signal decided on bar t's close fills at bar t+1's open. Long only, all in, fractional
 * units, fixed-percent commission and slippage.
 */
@NullMarked
package dev.sextant.analytics.backtest;

import org.jspecify.annotations.NullMarked;
