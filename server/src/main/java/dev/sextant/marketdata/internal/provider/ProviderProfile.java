package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider can do and on what terms: the arbitration reads it to decide who is eligible for
 * a request, and the outbound rate limiter keeps Sextant under {@code requestsPerMinute}. Adapters
 * build theirs by name ({@link #named}), so each setting reads as what it is.
 *
 * @param id short stable name, e.g. {@code yahoo}; appears as {@code provider} in answers
 * @param assetClasses instruments it has prices for
 * @param intervals bar intervals it serves natively (weeks and months are built from days)
 * @param historyYears how far back its daily bars go
 * @param needsKey true when it works only with an API key (BYOK)
 * @param rateLimit its published limit for a free key or keyless use (or a polite one where none is published)
 * @param trust prior confidence in its numbers, 0 to 1; breaks ties and settles conflicts
 */
public record ProviderProfile(
        String id,
        String description,
        Set<AssetClass> assetClasses,
        Set<BarInterval> intervals,
        Set<Capability> capabilities,
        int historyYears,
        boolean needsKey,
        RateLimit rateLimit,
        DataLicence licence,
        double trust) {

    /** The kinds of question a provider answers. */
    public enum Capability {
        QUOTES,
        BARS,
        SEARCH,
        FUNDAMENTALS,
        /** Articles about a symbol ({@link MarketDataProvider#news}). */
        NEWS
    }

    /** Every interval a provider with intraday data serves natively (weeks and months come from days). */
    public static final Set<BarInterval> INTRADAY_AND_DAILY = Set.of(
            BarInterval.ONE_MINUTE,
            BarInterval.FIVE_MINUTES,
            BarInterval.FIFTEEN_MINUTES,
            BarInterval.THIRTY_MINUTES,
            BarInterval.ONE_HOUR,
            BarInterval.ONE_DAY);

    /** At most {@code requests} calls in any {@code per}. */
    public record RateLimit(int requests, java.time.Duration per) {
        public static RateLimit perMinute(int requests) {
            return new RateLimit(requests, java.time.Duration.ofMinutes(1));
        }

        public static RateLimit perDay(int requests) {
            return new RateLimit(requests, java.time.Duration.ofDays(1));
        }
    }

    public ProviderProfile {
        assetClasses = Set.copyOf(assetClasses);
        intervals = Set.copyOf(intervals);
        capabilities = Set.copyOf(capabilities);
        if (trust <= 0 || trust > 1) {
            throw new IllegalArgumentException("trust must be in (0, 1]: " + trust);
        }
    }

    /** Starts a profile for the provider with this id; every setting but the intervals must be given. */
    public static Builder named(String id) {
        return new Builder(id);
    }

    /** Collects a profile's settings by name; {@link #build()} checks that none is missing. */
    public static final class Builder {
        private final String id;
        private String description;
        private Set<AssetClass> assetClasses;
        private Set<BarInterval> intervals = Set.of();
        private Set<Capability> capabilities;
        private int historyYears = -1;
        private Boolean needsKey;
        private RateLimit rateLimit;
        private DataLicence licence;
        private double trust;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder describedAs(String description) {
            this.description = description;
            return this;
        }

        public Builder assetClasses(Set<AssetClass> assetClasses) {
            this.assetClasses = assetClasses;
            return this;
        }

        /** Native bar intervals; none for a provider without bars. */
        public Builder intervals(Set<BarInterval> intervals) {
            this.intervals = intervals;
            return this;
        }

        public Builder capabilities(Set<Capability> capabilities) {
            this.capabilities = capabilities;
            return this;
        }

        public Builder historyYears(int historyYears) {
            this.historyYears = historyYears;
            return this;
        }

        /** Works without an API key. */
        public Builder keyless() {
            this.needsKey = false;
            return this;
        }

        /** Works only with an API key (BYOK). */
        public Builder needsKey() {
            this.needsKey = true;
            return this;
        }

        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        public Builder licence(DataLicence licence) {
            this.licence = licence;
            return this;
        }

        public Builder trust(double trust) {
            this.trust = trust;
            return this;
        }

        public ProviderProfile build() {
            if (historyYears < 0) {
                throw new IllegalStateException("historyYears of " + id + " not set");
            }
            return new ProviderProfile(
                    id,
                    Objects.requireNonNull(description, "description of " + id),
                    Objects.requireNonNull(assetClasses, "assetClasses of " + id),
                    Objects.requireNonNull(intervals, "intervals of " + id),
                    Objects.requireNonNull(capabilities, "capabilities of " + id),
                    historyYears,
                    Objects.requireNonNull(needsKey, "keyless() or needsKey() of " + id),
                    Objects.requireNonNull(rateLimit, "rateLimit of " + id),
                    Objects.requireNonNull(licence, "licence of " + id),
                    trust);
        }
    }

    public boolean can(Capability capability, AssetClass assetClass) {
        return capabilities.contains(capability) && (assetClass == null || assetClasses.contains(assetClass));
    }
}
