package dev.sextant.marketdata.internal;

import dev.sextant.marketdata.events.MarketDataEvent;
import dev.sextant.marketdata.events.MarketDataEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Market data's events on the application's event bus, each once its change is durable: inside a
 * transaction, after it commits (and never when it rolls back); outside one, at once. A listener's
 * failure is logged, never thrown: the change it reports has happened and its caller's answer
 * stands.
 */
@Component
class AfterCommitEvents implements MarketDataEvents {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitEvents.class);

    private final ApplicationEventPublisher bus;

    AfterCommitEvents(ApplicationEventPublisher bus) {
        this.bus = bus;
    }

    @Override
    public void publish(MarketDataEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(event);
                }
            });
        } else {
            deliver(event);
        }
    }

    private void deliver(MarketDataEvent event) {
        try {
            bus.publishEvent(event);
        } catch (RuntimeException failure) {
            log.warn("A listener failed on {} for {}", event.getClass().getSimpleName(), event.symbol(), failure);
        }
    }
}
