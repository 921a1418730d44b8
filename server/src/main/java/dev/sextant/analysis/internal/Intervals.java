package dev.sextant.analysis.internal;

import dev.sextant.analysis.AnalysisRefusals;
import dev.sextant.analytics.series.BarInterval;

/** The bar interval a request names by its code ({@code 1d} when it names none). */
final class Intervals {

    private Intervals() {}

    static BarInterval of(String code) {
        String given = code == null ? "1d" : code;
        return BarInterval.fromCode(given)
                .orElseThrow(() -> AnalysisRefusals.invalidParameter(
                        "interval", "Unsupported interval '" + given + "'; use one of " + BarInterval.codes() + "."));
    }
}
