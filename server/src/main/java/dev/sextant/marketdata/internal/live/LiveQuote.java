package dev.sextant.marketdata.internal.live;

import java.time.Instant;

/**
 * A provider's quote as the quote cache keeps it (and shares it through Redis as JSON).
 *
 * @param previousClose NaN when the provider gave none
 * @param conflict the cross-check's disagreement, or null
 */
public record LiveQuote(
        double price,
        double previousClose,
        String currency,
        Instant time,
        String provider,
        String scope,
        Arbitrator.Conflict conflict) {}
