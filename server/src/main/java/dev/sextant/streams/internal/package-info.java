/**
 * The stream's machinery: one upstream feed per symbol ({@link dev.sextant.streams.internal.SymbolFeeds}),
 * the WebSocket endpoint and its protocol ({@link dev.sextant.streams.internal.StreamHandler}), and
 * each connection's subscriptions, numbering, conflation and resume buffer
 * ({@link dev.sextant.streams.internal.ClientStream}).
 */
@NullMarked
package dev.sextant.streams.internal;

import org.jspecify.annotations.NullMarked;
