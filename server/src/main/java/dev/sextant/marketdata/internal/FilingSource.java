package dev.sextant.marketdata.internal;

import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.Instrument;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A source of company filings that answers before the live providers are asked: the demo market's
 * synthetic filings for its companies. The catalog asks each in turn, then the providers.
 */
public interface FilingSource {

    /** The filings of {@code instrument} published by {@code asOf}, if this source serves it. */
    Optional<Fundamentals> fundamentals(Instrument instrument, LocalDate asOf, Set<String> concepts);
}
