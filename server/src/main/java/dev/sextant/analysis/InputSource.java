package dev.sextant.analysis;

import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.BarSeries;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where one input of a computed answer came from: the bars of one symbol as the market-data layer
 * served them. Immutable and thread-safe.
 *
 * @param provider the source that served the bars ({@code demo}, {@code import}, or a real provider)
 * @param demo true when the bars are synthetic demo data, not market facts
 * @param asOf the time of the newest bar used (null when there was none in the range)
 * @param fetchedAt when Sextant obtained the newest of these bars from their provider
 * @param stale true when the newest bars could not be brought up to date and stored ones were used
 */
public record InputSource(
        String symbol,
        String interval,
        String provider,
        boolean demo,
        @Nullable Instant asOf,
        Instant fetchedAt,
        boolean stale) {

    /** Where {@code series} came from. */
    public static InputSource of(BarSeries series) {
        OhlcvSeries bars = series.bars();
        return new InputSource(
                series.symbol(),
                series.interval().code(),
                series.provider(),
                series.demo(),
                bars.isEmpty() ? null : Instant.ofEpochSecond(bars.time(bars.size() - 1)),
                series.fetchedAt(),
                series.stale());
    }
}
