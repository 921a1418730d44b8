/**
 * Live streams: prices (and bars and indicators over them) pushed to whoever watches, over the
 * WebSocket protocol at {@code /ws/stream} and to MCP resource subscribers.
 *
 * <p>Public face: {@link dev.sextant.streams.QuoteFeed}, one upstream feed per symbol however many
 * subscribers.
 */
@NullMarked
package dev.sextant.streams;

import org.jspecify.annotations.NullMarked;
