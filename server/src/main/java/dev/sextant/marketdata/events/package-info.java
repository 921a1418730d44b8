/**
 * What market data tells the rest of Sextant when its data changes: record events, published
 * through {@link dev.sextant.marketdata.events.MarketDataEvents} as Spring application events, so
 * that a module listens ({@code @EventListener}) instead of polling.
 *
 * <p>What a listener may rely on: an event is published once per change on the node that made it,
 * after the change is durable (a store write after its transaction committed, never for one rolled
 * back); on the thread that made the change, so a listener must be quick and must hand slow work
 * (a subscriber's socket) to its own executor; a listener's failure is logged and never fails the
 * change. Events are not persisted or replayed: a subscriber that joins late reads the current state
 * through {@link dev.sextant.marketdata.MarketDataService} first. Data bought with one user's own
 * provider key names that user ({@code keyOwner}) and is that user's news only.
 */
@NullMarked
package dev.sextant.marketdata.events;

import org.jspecify.annotations.NullMarked;
