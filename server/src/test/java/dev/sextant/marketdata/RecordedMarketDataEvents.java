package dev.sextant.marketdata;

import dev.sextant.marketdata.events.MarketDataEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Records the market-data events a running server publishes, from any thread (the server answers on
 * its own), for as long as it is open. Tests share one server, so they read the events about their
 * own symbols.
 */
final class RecordedMarketDataEvents implements ApplicationListener<ApplicationEvent>, AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final List<MarketDataEvent> events = new CopyOnWriteArrayList<>();

    private RecordedMarketDataEvents(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RecordedMarketDataEvents on(ConfigurableApplicationContext context) {
        RecordedMarketDataEvents recorded = new RecordedMarketDataEvents(context);
        context.addApplicationListener(recorded);
        return recorded;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload() instanceof MarketDataEvent news) {
            events.add(news);
        }
    }

    /** The events about {@code symbol}, in the order published. */
    List<MarketDataEvent> about(String symbol) {
        return events.stream().filter(e -> e.symbol().equals(symbol)).toList();
    }

    @Override
    public void close() {
        context.removeApplicationListener(this);
    }
}
