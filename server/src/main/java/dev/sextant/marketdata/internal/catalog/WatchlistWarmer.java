package dev.sextant.marketdata.internal.catalog;

import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.QuoteInterest;
import dev.sextant.marketdata.internal.live.LivePrices;
import dev.sextant.marketdata.internal.live.ProvidersProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps quotes of the symbols on users' watchlists fresh, so opening a watchlist never waits for a
 * provider: every quote TTL it asks the live source for each (a cache hit unless the quote is due).
 * Only the shared cache is warmed; quotes bought with a user's own key are fetched on their request.
 * The symbols come through {@link QuoteInterest}, which the watchlists module implements: the
 * warming is market data's job, the lists are user data, and market data must not depend on them.
 */
@Component
public class WatchlistWarmer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchlistWarmer.class);
    /** More symbols than this per round would crowd out users' own requests at providers' limits. */
    static final int MAX_SYMBOLS = 1_000;

    private final List<QuoteInterest> interests;
    private final CatalogMarketData catalog;
    private final LivePrices live;
    private final ProvidersProperties properties;
    private volatile Thread loop;

    WatchlistWarmer(
            List<QuoteInterest> interests, CatalogMarketData catalog, LivePrices live, ProvidersProperties properties) {
        this.interests = List.copyOf(interests);
        this.catalog = catalog;
        this.live = live;
        this.properties = properties;
    }

    /** One round: answers how many quotes it brought up to date (or found fresh). */
    public int warmOnce() {
        int warmed = 0;
        for (String symbol : interests.stream()
                .flatMap(interest -> interest.symbols(MAX_SYMBOLS).stream())
                .distinct()
                .limit(MAX_SYMBOLS)
                .toList()) {
            Optional<Instrument> instrument = catalog.catalogued(symbol).filter(live::serves);
            if (instrument.isEmpty()) {
                continue;
            }
            try {
                live.sharedQuote(instrument.get());
                warmed++;
            } catch (RuntimeException e) {
                log.debug("Could not warm the quote of {}: {}", symbol, e.getMessage());
            }
        }
        return warmed;
    }

    @Override
    public void start() {
        if (!properties.warmWatchlists() || live.arbitrator().providers().isEmpty()) {
            return;
        }
        Duration pause = properties.quoteTtl().compareTo(Duration.ofSeconds(5)) < 0
                ? Duration.ofSeconds(5)
                : properties.quoteTtl();
        loop = Thread.ofVirtual().name("watchlist-warmer").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(pause);
                    warmOnce();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("Watchlist warming round failed: {}", e.getMessage());
                }
            }
        });
    }

    @Override
    public void stop() {
        Thread running = loop;
        if (running != null) {
            running.interrupt();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
