/**
 * Risk and statistics over return series on primitive arrays: returns, volatility, Sharpe,
 * Sortino, Calmar, drawdowns, value at risk, beta and alpha, correlation and covariance matrices,
 * and least-squares regression with standard errors. Sample statistics divide by {@code n - 1}.
 */
@NullMarked
package dev.sextant.analytics.risk;

import org.jspecify.annotations.NullMarked;
