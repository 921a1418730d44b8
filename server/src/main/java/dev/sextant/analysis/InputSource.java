package dev.sextant.analysis;

import dev.sextant.analytics.news.NewsItem;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.NewsPage;
import dev.sextant.marketdata.NewsProvenance;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where one input of a computed answer came from: the bars of one symbol as the market-data layer
 * served them, or a company's filings (fundamental metrics; {@code interval} is {@value #FILINGS}).
 * Immutable and thread-safe.
 *
 * @param provider the source that served the bars ({@code demo}, {@code import}, or a real provider)
 * @param demo true when the bars are synthetic demo data, not market facts
 * @param asOf the time of the newest bar used (null when there was none in the range); for filings, the
 *     start of the newest filing date among the facts known (null when none was filed by then)
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

    /** The {@code interval} of a company's filings as an input. */
    public static final String FILINGS = "filings";

    /** Where a company's filings came from (the demo market's are synthetic). */
    public static InputSource of(Fundamentals filings) {
        return new InputSource(
                filings.symbol(),
                FILINGS,
                filings.provider(),
                filings.demo(),
                filings.facts().stream()
                        .map(Fundamentals.Fact::filed)
                        .max(java.util.Comparator.naturalOrder())
                        .map(day -> day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                        .orElse(null),
                filings.fetchedAt(),
                false);
    }

    /** The {@code interval} of a symbol's news as an input. */
    public static final String NEWS = "news";

    /**
     * Where a symbol's news came from: the providers that answered its last fetch ({@code demo} for
     * the demo market's synthetic headlines; {@code none} when no provider did), the newest article
     * known, and when the providers were asked.
     */
    public static InputSource of(NewsPage news) {
        NewsProvenance provenance = news.provenance();
        List<String> answered = provenance.providers().stream()
                .filter(p -> p.outcome().equals("answered"))
                .map(NewsProvenance.ProviderOutcome::provider)
                .toList();
        return new InputSource(
                news.symbol(),
                NEWS,
                answered.isEmpty() ? "none" : String.join(",", answered),
                provenance.demo(),
                news.items().stream()
                        .map(NewsItem::knownAt)
                        .max(java.util.Comparator.naturalOrder())
                        .orElse(null),
                provenance.fetchedAt() != null ? provenance.fetchedAt() : news.asOf(),
                provenance.stale());
    }

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
