package dev.sextant.marketdata;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of articles came from: the providers asked for the symbol's news at its last fetch
 * and what each answered, whether the articles are the demo market's synthetic ones, and when the
 * providers were last asked.
 *
 * @param fetchedAt when the providers were last asked for this symbol (null: never, or demo)
 * @param stale true when the news is past its freshness and no provider could refresh it just now
 * @param note why nothing was fetched, when nothing was (no news provider enabled, a read dated in the past)
 */
public record NewsProvenance(
        List<ProviderOutcome> providers,
        boolean demo,
        @Nullable Instant fetchedAt,
        boolean stale,
        @Nullable String note) {

    public NewsProvenance {
        providers = List.copyOf(providers);
    }

    /**
     * What one provider answered at the fetch.
     *
     * @param outcome {@code answered}, {@code failed} or {@code skipped} (a guard held the call back)
     * @param articles how many articles it listed (0 unless answered)
     * @param detail the failure, when it failed or was skipped
     */
    public record ProviderOutcome(
            String provider,
            String outcome,
            int articles,
            @Nullable String detail) {}
}
