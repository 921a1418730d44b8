package dev.sextant.marketdata.events;

/**
 * Where market data publishes its {@link MarketDataEvent}s. In the server it is the application's
 * event bus, deferred to after the current transaction commits; a test or a tool without Spring
 * passes its own ({@code events::add}) or {@link #NONE}.
 */
@FunctionalInterface
public interface MarketDataEvents {

    /** Drops every event: for callers that want none. */
    MarketDataEvents NONE = event -> {};

    void publish(MarketDataEvent event);
}
