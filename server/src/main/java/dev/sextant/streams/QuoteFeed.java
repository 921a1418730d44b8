package dev.sextant.streams;

import dev.sextant.marketdata.Quote;
import dev.sextant.platform.Caller;
import java.util.function.Consumer;

/**
 * A symbol's quotes as they change, for every part of Sextant that pushes prices (the WebSocket
 * stream, MCP resource subscriptions). One upstream feed per symbol however many subscribers: a
 * provider's symbol is polled once for all of them at the provider's budget, a demo symbol ticks
 * deterministically between its minute bars.
 */
public interface QuoteFeed {

    /**
     * Starts delivering {@code symbol}'s quotes to {@code listener}, each new one once, on a thread of
     * the feed's own; the listener must not block. Polled about once a second.
     *
     * @throws dev.sextant.platform.DomainException for an unknown symbol (as the market-data face
     *     refuses it)
     */
    Subscription subscribe(Caller caller, String symbol, Consumer<Quote> listener);

    /**
     * {@link #subscribe(Caller, String, Consumer)} for a listener that wants quotes at most every
     * {@code interval} (100 ms at the least): the symbol's feed polls at the shortest interval any
     * of its subscribers asked for.
     */
    default Subscription subscribe(
            Caller caller, String symbol, java.time.Duration interval, Consumer<Quote> listener) {
        return subscribe(caller, symbol, listener);
    }

    /** A subscription; closing it stops delivery and, with the last subscriber, the upstream feed. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
