package dev.sextant.marketdata.internal;

import com.github.benmanes.caffeine.cache.Cache;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.Quote;
import dev.sextant.platform.Caller;
import java.util.Map;

/**
 * Where the prices of some instruments come from (the demo market, imported files; later the
 * providers). The catalog routes each request to the source that serves the instrument; the
 * request is already checked (known symbol, sensible range) when it arrives.
 */
public interface PriceSource {

    boolean serves(Instrument instrument);

    Quote quote(Instrument instrument, Caller caller);

    BarSeries bars(Instrument instrument, BarRequest request, Caller caller);

    /** The caches this source keeps, by name, for the health report and the metrics. */
    default Map<String, Cache<?, ?>> caches() {
        return Map.of();
    }
}
