package dev.sextant.marketdata.internal.imports;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.analytics.series.Resample;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.internal.PriceSource;
import dev.sextant.marketdata.internal.store.BarStore;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Instruments whose bars a user imported from a file: served from the bar store as known now.
 * Daily imports also answer weekly and monthly bars; there is no intraday data unless imported.
 * A stored bar from the future (beyond {@link BarHorizon}) is never served, so one that reached
 * the store before imports refused them cannot become the current quote.
 */
@Component
class ImportedPrices implements PriceSource {

    static final String PROVIDER = "import";

    private final BarStore store;
    private final Clock clock;

    ImportedPrices(BarStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public boolean serves(Instrument instrument) {
        return PROVIDER.equals(instrument.provider());
    }

    @Override
    public Quote quote(Instrument instrument, Caller caller) {
        Instant now = clock.instant();
        OhlcvSeries days = store.read(
                instrument.symbol(),
                BarInterval.ONE_DAY,
                Long.MIN_VALUE / 2,
                new BarHorizon(BarInterval.ONE_DAY, now).clampEnd(Long.MAX_VALUE / 2),
                now);
        if (days.isEmpty()) {
            throw new DomainException(MarketDataRefusals.NO_DATA, instrument.symbol() + " has no imported daily bars.");
        }
        int last = days.size() - 1;
        double price = days.close(last);
        double previous = last > 0 ? days.close(last - 1) : price;
        return new Quote(
                instrument.symbol(),
                price,
                price - previous,
                (price - previous) / previous * 100,
                instrument.currency(),
                Instant.ofEpochSecond(days.time(last)),
                PROVIDER,
                false,
                now,
                false);
    }

    @Override
    public BarSeries bars(Instrument instrument, BarRequest request, Caller caller) {
        long from = request.from().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long to = request.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        OhlcvSeries bars = switch (request.interval()) {
            case ONE_WEEK ->
                Resample.to(
                        daily(
                                instrument,
                                request.from()
                                        .with(DayOfWeek.MONDAY)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toEpochSecond(),
                                to),
                        BarInterval.ONE_WEEK);
            case ONE_MONTH ->
                Resample.to(
                        daily(
                                instrument,
                                request.from()
                                        .withDayOfMonth(1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toEpochSecond(),
                                to),
                        BarInterval.ONE_MONTH);
            default ->
                store.read(
                        instrument.symbol(),
                        request.interval(),
                        from,
                        new BarHorizon(request.interval(), clock.instant()).clampEnd(to),
                        clock.instant());
        };
        if (bars.isEmpty() && request.interval().isIntraday()) {
            throw new DomainException(
                    MarketDataRefusals.INVALID_PARAMETER,
                    instrument.symbol() + " has no imported "
                            + request.interval().code() + " bars.",
                    Map.of("parameter", "interval"));
        }
        return new BarSeries(instrument.symbol(), request.interval(), PROVIDER, false, bars, clock.instant(), false);
    }

    private OhlcvSeries daily(Instrument instrument, long from, long to) {
        Instant now = clock.instant();
        return store.read(
                instrument.symbol(),
                BarInterval.ONE_DAY,
                from,
                new BarHorizon(BarInterval.ONE_DAY, now).clampEnd(to),
                now);
    }
}
