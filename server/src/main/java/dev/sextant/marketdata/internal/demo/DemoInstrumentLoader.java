package dev.sextant.marketdata.internal.demo;

import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.internal.catalog.InstrumentRepository;
import dev.sextant.marketdata.internal.live.LivePrices;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * On start-up, adds the demo market's instruments to the catalog when they are missing, so that a
 * new user's first request already has something to show. Runs before the server reports ready.
 */
@Component
class DemoInstrumentLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoInstrumentLoader.class);

    private final InstrumentRepository repository;
    private final DemoProperties properties;
    private final Clock clock;

    DemoInstrumentLoader(InstrumentRepository repository, DemoProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.enabled()) {
            return;
        }
        long added = DemoCatalog.instruments().stream()
                .filter(demo -> repository.addIfAbsent(demo.toInstrument(), clock.instant()))
                .count();
        if (added > 0) {
            log.info("Added {} demo instruments to the catalog; their prices are synthetic and flagged demo", added);
        }
        // A demo symbol the real providers took over while the demo market was off comes back to it:
        // the route follows the configuration in force. Imports stay: they are a user's own data.
        Set<String> takenOver = repository.findAll().stream()
                .filter(held -> LivePrices.PROVIDER.equals(held.provider()))
                .map(Instrument::symbol)
                .collect(Collectors.toSet());
        int reclaimed = 0;
        for (DemoInstrument demo : DemoCatalog.instruments()) {
            if (takenOver.contains(demo.symbol())) {
                repository.put(demo.toInstrument(), clock.instant());
                reclaimed++;
            }
        }
        if (reclaimed > 0) {
            log.info("{} demo symbols served by real providers before are served by the demo market again", reclaimed);
        }
    }
}
