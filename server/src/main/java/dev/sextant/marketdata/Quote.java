package dev.sextant.marketdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.analytics.check.Check;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The latest price of an instrument and its change since the previous session's close.
 * Immutable and thread-safe; {@code double} because quotes feed analytics, not account balances.
 *
 * @param changePercent change relative to the previous close, in percent (1.5 means +1.5 %)
 * @param time when this price was current (the market time it describes)
 * @param provider the source that produced it
 * @param demo true when the price is synthetic demo data, not a market fact
 * @param fetchedAt when Sextant obtained it from the provider
 * @param stale true when it was served from a cache past its freshness, while a refresh is under way
 * @param conflict when two providers disagreed beyond the tolerance: both prices (null otherwise)
 */
public record Quote(
        String symbol,
        double price,
        double change,
        double changePercent,
        String currency,
        Instant time,
        String provider,
        boolean demo,
        Instant fetchedAt,
        boolean stale,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Conflict conflict) {

    /** Two providers' prices for the same instrument that disagreed: {@code provider} is the one served. */
    public record Conflict(String provider, double price, String otherProvider, double otherPrice) {}

    /** A quote no second provider was asked about. */
    public Quote(
            String symbol,
            double price,
            double change,
            double changePercent,
            String currency,
            Instant time,
            String provider,
            boolean demo,
            Instant fetchedAt,
            boolean stale) {
        this(symbol, price, change, changePercent, currency, time, provider, demo, fetchedAt, stale, null);
    }

    public Quote {
        Check.notBlank(symbol, "symbol");
        Check.positive(price, "price");
        Check.finite(change, "change");
        Check.finite(changePercent, "changePercent");
        Check.notBlank(currency, "currency");
        Check.notNull(time, "time");
        Check.notBlank(provider, "provider");
        Check.notNull(fetchedAt, "fetchedAt");
    }
}
