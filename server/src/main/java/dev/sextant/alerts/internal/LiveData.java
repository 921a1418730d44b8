package dev.sextant.alerts.internal;

import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.marketdata.Quote;
import dev.sextant.platform.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the query engine evaluates one owner's alerts on a symbol with: the owner's daily bars, the
 * alert's own symbol ending with the live quote as today's close ({@link LiveBars}), any other
 * symbol a metric names (e.g. {@code CORRELATE(SPY, 1y)}) as its bars. Used by one thread for one
 * evaluation round; remembers what it served for the firing's provenance.
 */
final class LiveData implements QueryEngine.Data {

    private final String symbol;
    private final Quote quote;
    private final Caller owner;
    private final DailyBars daily;
    private final Map<String, QueryEngine.Series> served = new HashMap<>();
    private boolean demo;

    LiveData(String symbol, Quote quote, Caller owner, DailyBars daily) {
        this.symbol = symbol;
        this.quote = quote;
        this.owner = owner;
        this.daily = daily;
        this.demo = quote.demo();
    }

    @Override
    public QueryEngine.Series series(String wanted) {
        return served.computeIfAbsent(wanted, key -> {
            DailyBars.Read read = daily.of(owner, key);
            demo |= read.bars().demo();
            var bars = key.equals(symbol)
                    ? LiveBars.withLivePrice(read.bars().bars(), quote.price(), quote.time())
                    : read.bars().bars();
            return new QueryEngine.Series(key, bars, read.sessionsPerYear());
        });
    }

    @Override
    public Optional<List<String>> universe(String name) {
        return Optional.empty();
    }

    /** Whether the quote or any bars served were demo data. */
    boolean demo() {
        return demo;
    }

    Quote quote() {
        return quote;
    }
}
