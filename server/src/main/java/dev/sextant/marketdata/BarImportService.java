package dev.sextant.marketdata;

import dev.sextant.platform.Caller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Bars a user brings (a CSV or JSON file's content, or rows a tool call carries) stored for a
 * symbol and then served like any other: all of them or, on any problem, none. The same parser,
 * limits, ownership rules and audit as {@code POST /api/v1/imports}: analysts only; a symbol another
 * source serves is never taken ({@code symbol-taken}); an imported symbol belongs to the account that
 * first imported it ({@code import-owned} for others; an administrator may override, audited).
 */
public interface BarImportService {

    /**
     * @param name the instrument's display name; null or blank for "{@code SYMBOL} (imported)"
     * @param interval {@code 1d} or an intraday code; weeks and months follow from days
     * @param currency a three-letter code
     * @param assetClass an {@link AssetClass} name, in any case
     * @param override an administrator's choice to import over a symbol another account owns
     */
    record ImportRequest(
            String symbol,
            @Nullable String name,
            String interval,
            String currency,
            String assetClass,
            boolean override) {}

    /** What an import stored: bars read, new ones, restated ones, their span and when they became known. */
    record ImportResult(
            String symbol,
            String name,
            String interval,
            String provider,
            int bars,
            int added,
            int restated,
            Instant from,
            Instant to,
            Instant knownAt) {}

    /** Imports {@code content} (CSV with a header, or JSON) for the request's symbol. */
    ImportResult importBars(Caller caller, ImportRequest request, byte[] content);
}
