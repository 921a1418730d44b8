package dev.sextant.analytics.backtest;

import java.util.List;

/**
 * What the look-ahead probe found: the bars t it probed, and for each probe whose altered future
 * changed a decision, the first bar whose decision changed. Clean when that list is empty.
 */
public record LookAheadReport(List<Integer> probed, List<Violation> violations) {

    public LookAheadReport {
        probed = List.copyOf(probed);
        violations = List.copyOf(violations);
    }

    public boolean clean() {
        return violations.isEmpty();
    }

    /** Bars after {@code probe} were replaced, and the decision at bar {@code bar <= probe} changed. */
    public record Violation(int probe, int bar, Signal original, Signal altered) {}
}
