package dev.sextant.marketdata.internal.live;

import java.time.Instant;

/**
 * How well a provider has been doing, as exponentially weighted moving averages: success rate,
 * latency, freshness (how current its data were), completeness (how much of what was asked it
 * delivered) and agreement with peers. The score combines them, weighted by the provider's prior
 * trust, and orders providers for the next request. Thread-safe.
 */
public final class ProviderScore {

    /** Weight of the newest observation: about the last ten calls dominate. */
    static final double ALPHA = 0.2;
    /** A provider answering in this many milliseconds scores half on latency. */
    static final double LATENCY_HALF_SCORE_MS = 400;

    /** What the admin view shows. */
    public record Snapshot(
            double score,
            double successRate,
            double latencyMs,
            double freshness,
            double completeness,
            double agreement,
            long calls,
            long failures,
            String lastFailure,
            Instant lastFailureAt,
            Instant lastSuccessAt) {}

    private final double trust;
    private double success = 1.0;
    private double latencyMs = 0;
    private double freshness = 1.0;
    private double completeness = 1.0;
    private double agreement = 1.0;
    private long calls;
    private long failures;
    private double totalMillis;
    private String lastFailure;
    private Instant lastFailureAt;
    private Instant lastSuccessAt;

    public ProviderScore(double trust) {
        this.trust = trust;
    }

    public synchronized void succeeded(double millis, Instant at) {
        calls++;
        totalMillis += millis;
        success = ewma(success, 1);
        latencyMs = calls == 1 ? millis : ewma(latencyMs, millis);
        lastSuccessAt = at;
    }

    public synchronized void failed(double millis, String reason, Instant at) {
        calls++;
        failures++;
        totalMillis += millis;
        success = ewma(success, 0);
        latencyMs = calls == 1 ? millis : ewma(latencyMs, millis);
        lastFailure = reason;
        lastFailureAt = at;
    }

    /** 1 for data as current as the market allows, falling towards 0 as it lags. */
    public synchronized void freshness(double value) {
        freshness = ewma(freshness, clamp(value));
    }

    /** The share of the expected values that came back. */
    public synchronized void completeness(double value) {
        completeness = ewma(completeness, clamp(value));
    }

    public synchronized void agreed(boolean agreed) {
        agreement = ewma(agreement, agreed ? 1 : 0);
    }

    public synchronized double score() {
        double latencyScore = 1 / (1 + latencyMs / LATENCY_HALF_SCORE_MS);
        return trust
                * (0.4 * success + 0.15 * latencyScore + 0.15 * freshness + 0.15 * completeness + 0.15 * agreement);
    }

    /** Calls that reached the provider, failed ones included: for the metrics. */
    public synchronized long calls() {
        return calls;
    }

    public synchronized long failures() {
        return failures;
    }

    /** Time spent in all calls, in milliseconds. */
    public synchronized double totalMillis() {
        return totalMillis;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(
                round(score()),
                round(success),
                round(latencyMs),
                round(freshness),
                round(completeness),
                round(agreement),
                calls,
                failures,
                lastFailure,
                lastFailureAt,
                lastSuccessAt);
    }

    private static double ewma(double average, double value) {
        return average + ALPHA * (value - average);
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
