package dev.sextant.analysis.internal;

import dev.sextant.analysis.AnalysisRefusals;
import dev.sextant.analysis.InputSource;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Fundamentals;
import dev.sextant.platform.DomainException;
import java.util.List;
import java.util.Map;

/**
 * The inputs an answer was computed from, and the rule that keeps demo data out of real results:
 * a computation over both synthetic demo bars and real ones would look like a market fact and is
 * not one, so it is refused unless the caller opted in, and then labelled {@code mixed}.
 * Immutable and thread-safe.
 *
 * @param demo true when any input is demo data
 * @param mixed true when demo and real inputs were combined (only with the caller's opt-in)
 * @param inputs each series read, in the order it was read
 */
record Provenance(boolean demo, boolean mixed, List<InputSource> inputs) {

    Provenance {
        inputs = List.copyOf(inputs);
    }

    /**
     * The provenance of a computation over these series.
     *
     * @param allowDemo the caller asked to combine demo with real data anyway
     * @param optIn how the caller opts in, for the refusal's message, e.g. {@code allowDemo=true}
     * @throws DomainException {@link AnalysisRefusals#DEMO_MIXED_WITH_REAL} when demo and real series meet without the opt-in
     */
    static Provenance of(List<BarSeries> series, boolean allowDemo, String optIn) {
        return of(series, List.of(), allowDemo, optIn);
    }

    /**
     * The provenance of a computation over these series and these companies' filings (fundamental
     * metrics), each filing set one input.
     */
    static Provenance of(List<BarSeries> series, List<Fundamentals> filings, boolean allowDemo, String optIn) {
        return of(series, filings, List.of(), allowDemo, optIn);
    }

    /** The same, with further inputs read after the series and filings (a symbol's news). */
    static Provenance of(
            List<BarSeries> series,
            List<Fundamentals> filings,
            List<InputSource> more,
            boolean allowDemo,
            String optIn) {
        List<InputSource> inputs =
                new java.util.ArrayList<>(series.stream().map(InputSource::of).toList());
        filings.forEach(f -> inputs.add(InputSource.of(f)));
        inputs.addAll(more);
        List<String> demoSymbols = inputs.stream()
                .filter(InputSource::demo)
                .map(InputSource::symbol)
                .toList();
        List<InputSource> real = inputs.stream().filter(i -> !i.demo()).toList();
        boolean mixed = !demoSymbols.isEmpty() && !real.isEmpty();
        if (mixed && !allowDemo) {
            throw new DomainException(
                    AnalysisRefusals.DEMO_MIXED_WITH_REAL,
                    String.join(", ", demoSymbols) + (demoSymbols.size() == 1 ? " is" : " are")
                            + " synthetic demo data and "
                            + String.join(
                                    ", ",
                                    real.stream()
                                            .map(i -> i.symbol() + " (" + i.provider() + ")")
                                            .toList())
                            + (real.size() == 1 ? " is" : " are")
                            + " real: a result computed from both would look like a market fact and is not. "
                            + "Use real data for " + String.join(", ", demoSymbols)
                            + " (import it or switch on a provider), or send " + optIn
                            + " to compute it anyway, labelled mixed.",
                    Map.of(
                            "demoSymbols",
                            demoSymbols,
                            "realSymbols",
                            real.stream().map(InputSource::symbol).toList()));
        }
        return new Provenance(!demoSymbols.isEmpty(), mixed, inputs);
    }
}
