package dev.sextant.marketdata.internal.demo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.analytics.series.Resample;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.internal.MarketDataProperties;
import dev.sextant.marketdata.internal.PriceSource;
import dev.sextant.marketdata.internal.calendar.TradingSession;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo market as a price source: each instrument's prices from its {@link DemoPriceModel}.
 * Only completed bars are served; the quote follows the session minute by minute. Daily histories
 * are cached per symbol and day, and concurrent first requests for one symbol compute it once.
 * Each symbol's quote is computed once per minute: every moment the answer depends on (a session's
 * open and close, the exchange's date) falls on a whole minute, and within a session the price is
 * that of the last finished minute, so the quote is the same throughout a clock minute but for
 * the moment it was asked ({@code fetchedAt}). Without that, every request drew the session's
 * minutes again: most of a demo quote's CPU time (docs/BENCHMARKS.md, issue 12).
 *
 * <p>Within a session the quote also ticks between the minute bars, every {@value #TICK_MILLIS} ms
 * (issue 13, so that a stream on a fresh install visibly moves): the running minute's path of ticks
 * ({@link DemoPriceModel#ticks}) goes from that minute's open (the last finished minute's close)
 * to its close, within its high and low, and is drawn once per minute and symbol; the quote's
 * {@code time} is the tick's. At a whole minute the quote is exactly what it was before ticks.
 */
@Component
class DemoMarketData implements PriceSource {

    private record HistoryKey(String symbol, LocalDate lastDay) {}

    /** Ticks per minute between the minute bars, and their spacing. */
    private static final int TICKS_PER_MINUTE = 600;

    private static final long TICK_MILLIS = 60_000 / TICKS_PER_MINUTE;

    /**
     * A symbol's quote as computed in one clock minute (minutes since the epoch): the quote at the
     * minute's start, and within a session the running minute's ticks ({@code null} outside one).
     */
    private record MinuteQuote(long minute, Quote quote, double previousClose, double @Nullable [] ticks) {}

    private final boolean enabled;
    private final Clock clock;
    private final MarketDataProperties limits;
    private final Map<String, DemoPriceModel> models;
    private final Cache<HistoryKey, DemoPriceModel.DailyHistory> histories;
    /** The last quote computed per symbol; at most one entry for each demo instrument. */
    private final Map<String, MinuteQuote> minuteQuotes = new ConcurrentHashMap<>();

    DemoMarketData(Clock clock, MarketDataProperties limits, DemoProperties demo) {
        this.enabled = demo.enabled();
        this.clock = clock;
        this.limits = limits;
        this.models = DemoCatalog.instruments().stream()
                .collect(Collectors.toUnmodifiableMap(DemoInstrument::symbol, DemoPriceModel::new));
        this.histories = Caffeine.newBuilder()
                .maximumSize(256)
                .expireAfterAccess(Duration.ofHours(6))
                .recordStats()
                .build();
    }

    @Override
    public Map<String, Cache<?, ?>> caches() {
        return Map.of("demo-histories", histories);
    }

    @Override
    public boolean serves(Instrument instrument) {
        return enabled
                && DemoInstrument.PROVIDER.equals(instrument.provider())
                && models.containsKey(instrument.symbol());
    }

    @Override
    public Quote quote(Instrument instrument, Caller caller) {
        Instant now = clock.instant();
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        MinuteQuote computed = minuteQuotes.get(instrument.symbol());
        if (computed == null || computed.minute() != minute) {
            computed = minuteQuoteOf(models.get(instrument.symbol()), now);
            minuteQuotes.put(instrument.symbol(), computed);
        }
        Quote quote = computed.quote();
        double[] ticks = computed.ticks();
        if (ticks != null) {
            long intoMinute = now.toEpochMilli() - quote.time().toEpochMilli();
            int step = (int) Math.min(Math.max(intoMinute / TICK_MILLIS, 0), TICKS_PER_MINUTE - 1);
            if (step > 0) {
                return quoteAt(
                        models.get(instrument.symbol()).instrument(),
                        ticks[step],
                        computed.previousClose(),
                        quote.time().plusMillis(step * TICK_MILLIS),
                        now);
            }
        }
        // The demo market computes on request: every quote is fresh.
        return quote.fetchedAt().equals(now)
                ? quote
                : new Quote(
                        quote.symbol(),
                        quote.price(),
                        quote.change(),
                        quote.changePercent(),
                        quote.currency(),
                        quote.time(),
                        quote.provider(),
                        quote.demo(),
                        now,
                        quote.stale());
    }

    @Override
    public BarSeries bars(Instrument listed, BarRequest request, Caller caller) {
        DemoPriceModel model = models.get(listed.symbol());
        DemoInstrument instrument = model.instrument();
        OhlcvSeries bars = switch (request.interval()) {
            case ONE_DAY -> dailyBars(model, request.from(), request.to());
            case ONE_WEEK ->
                Resample.to(
                        dailyBars(model, request.from().with(DayOfWeek.MONDAY), request.to()), BarInterval.ONE_WEEK);
            case ONE_MONTH ->
                Resample.to(dailyBars(model, request.from().withDayOfMonth(1), request.to()), BarInterval.ONE_MONTH);
            default -> intradayBars(model, request);
        };
        return new BarSeries(
                instrument.symbol(), request.interval(), DemoInstrument.PROVIDER, true, bars, clock.instant(), false);
    }

    /** The last session that has closed at {@code now}. */
    private static LocalDate lastClosedSession(TradingSession session, Instant now) {
        LocalDate day = session.dateAt(now);
        if (now.isBefore(session.closeOf(day))) {
            day = day.minusDays(1);
        }
        while (!session.isTradingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private DemoPriceModel.DailyHistory history(DemoPriceModel model, LocalDate lastDay) {
        return histories.get(new HistoryKey(model.instrument().symbol(), lastDay), key -> model.history(lastDay));
    }

    private MinuteQuote minuteQuoteOf(DemoPriceModel model, Instant now) {
        DemoInstrument instrument = model.instrument();
        TradingSession session = instrument.session();
        DemoPriceModel.DailyHistory history = history(model, lastClosedSession(session, now));
        OhlcvSeries days = history.bars();
        LocalDate today = session.dateAt(now);
        Instant open = session.openOf(today);
        boolean inSession = session.isTradingDay(today)
                && !now.isBefore(open)
                && now.isBefore(session.closeOf(today))
                && !today.isBefore(instrument.firstDay());

        double price;
        double previousClose;
        Instant time;
        double[] ticks = null;
        if (inSession) {
            int minutesDone = (int) Duration.between(open, now).toMinutes();
            double[] running = new double[4];
            double rawPrevious = days.isEmpty() ? instrument.firstPrice() : history.rawCloses()[days.size() - 1];
            model.session(
                    today,
                    rawPrevious,
                    (k, o, h, l, c, v) -> {
                        if (k == minutesDone) {
                            running[0] = o;
                            running[1] = h;
                            running[2] = l;
                            running[3] = c;
                        }
                    },
                    new double[session.minutes() + 1]);
            // The running minute opens at the last finished minute's close.
            price = running[0];
            previousClose = days.isEmpty() ? price : days.close(days.size() - 1);
            time = open.plusSeconds(60L * minutesDone);
            ticks = model.ticks(
                    Math.floorDiv(time.getEpochSecond(), 60),
                    running[0],
                    running[1],
                    running[2],
                    running[3],
                    TICKS_PER_MINUTE);
        } else {
            if (days.isEmpty()) {
                throw new DomainException(
                        MarketDataRefusals.NO_DATA,
                        instrument.symbol() + " has no prices before " + instrument.firstDay() + ".");
            }
            int last = days.size() - 1;
            price = days.close(last);
            previousClose = last > 0 ? days.close(last - 1) : price;
            time = session.closeOf(LocalDate.ofInstant(Instant.ofEpochSecond(days.time(last)), ZoneOffset.UTC));
        }
        return new MinuteQuote(
                Math.floorDiv(now.getEpochSecond(), 60),
                quoteAt(instrument, price, previousClose, time, now),
                previousClose,
                ticks);
    }

    private static Quote quoteAt(
            DemoInstrument instrument, double price, double previousClose, Instant time, Instant now) {
        double scale = Math.pow(10, instrument.decimals());
        double change = Math.rint((price - previousClose) * scale) / scale;
        double changePercent = Math.rint((price - previousClose) / previousClose * 100 * 10_000) / 10_000;
        return new Quote(
                instrument.symbol(),
                price,
                change,
                changePercent,
                instrument.currency(),
                time,
                DemoInstrument.PROVIDER,
                true,
                now,
                false);
    }

    /**
     * The daily bars of a demo instrument up to its last closed session, empty when it is not one
     * (or the demo market is off): what its synthetic filings are drawn from.
     */
    OhlcvSeries dailyHistory(String symbol) {
        DemoPriceModel model = models.get(symbol);
        if (!enabled || model == null) {
            return OhlcvSeries.empty();
        }
        return history(model, lastClosedSession(model.instrument().session(), clock.instant()))
                .bars();
    }

    /** The demo instrument of a symbol, if there is one. */
    java.util.Optional<DemoInstrument> instrument(String symbol) {
        return java.util.Optional.ofNullable(models.get(symbol)).map(DemoPriceModel::instrument);
    }

    private OhlcvSeries dailyBars(DemoPriceModel model, LocalDate from, LocalDate to) {
        LocalDate lastClosed = lastClosedSession(model.instrument().session(), clock.instant());
        LocalDate end = to.isAfter(lastClosed) ? lastClosed : to;
        if (end.isBefore(from)) {
            return OhlcvSeries.empty();
        }
        requireWithinLimit(end.toEpochDay() - from.toEpochDay() + 1);
        OhlcvSeries days = history(model, lastClosed).bars();
        return days.between(epochSecond(from), epochSecond(end.plusDays(1)));
    }

    private OhlcvSeries intradayBars(DemoPriceModel model, BarRequest request) {
        DemoInstrument instrument = model.instrument();
        TradingSession session = instrument.session();
        int minutesPerBar = request.interval().seconds() / 60;
        int barsPerSession = (session.minutes() + minutesPerBar - 1) / minutesPerBar;
        Instant now = clock.instant();
        LocalDate lastClosed = lastClosedSession(session, now);
        LocalDate today = session.dateAt(now);
        LocalDate first = request.from().isBefore(instrument.firstDay()) ? instrument.firstDay() : request.from();
        LocalDate last = request.to().isAfter(today) ? today : request.to();

        List<LocalDate> sessions = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (session.isTradingDay(day)) {
                sessions.add(day);
            }
        }
        requireWithinLimit((long) sessions.size() * barsPerSession);
        if (sessions.isEmpty()) {
            return OhlcvSeries.empty();
        }

        DemoPriceModel.DailyHistory history = history(model, lastClosed);
        OhlcvSeries.Builder bars = OhlcvSeries.builder(sessions.size() * barsPerSession);
        double[] path = new double[session.minutes() + 1];
        for (LocalDate day : sessions) {
            int minutesDone;
            double previousClose;
            if (day.isAfter(lastClosed)) {
                // Today's session, still running or not yet open: only its finished minutes count.
                minutesDone = (int)
                        Math.max(0, Duration.between(session.openOf(day), now).toMinutes());
                double[] raw = history.rawCloses();
                previousClose = raw.length == 0 ? instrument.firstPrice() : raw[raw.length - 1];
            } else {
                minutesDone = session.minutes();
                int index = history.indexOf(day);
                previousClose = index <= 0 ? instrument.firstPrice() : history.rawCloses()[index - 1];
            }
            if (minutesDone == 0) {
                continue;
            }
            model.session(
                    day,
                    previousClose,
                    new BarAggregator(
                            bars, session.openOf(day).getEpochSecond(), minutesPerBar, session.minutes(), minutesDone),
                    path);
        }
        return bars.build();
    }

    private void requireWithinLimit(long bars) {
        if (bars > limits.maxBarsPerResponse()) {
            throw new DomainException(
                    MarketDataRefusals.TOO_MANY_BARS,
                    "This request would return about " + bars
                            + " bars; the limit is " + limits.maxBarsPerResponse()
                            + ". Narrow 'from' and 'to' or choose a longer interval.",
                    Map.of("limit", limits.maxBarsPerResponse()));
        }
    }

    private static long epochSecond(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /**
     * Groups a session's minutes into bars of {@code minutesPerBar}, counted from the session's
     * open, and keeps only bars whose minutes have all passed.
     */
    private static final class BarAggregator implements DemoPriceModel.MinuteSink {
        private final OhlcvSeries.Builder out;
        private final long sessionOpen;
        private final int minutesPerBar;
        private final int sessionMinutes;
        private final int minutesDone;
        private double open;
        private double high;
        private double low;
        private double close;
        private double volume;

        BarAggregator(
                OhlcvSeries.Builder out, long sessionOpen, int minutesPerBar, int sessionMinutes, int minutesDone) {
            this.out = out;
            this.sessionOpen = sessionOpen;
            this.minutesPerBar = minutesPerBar;
            this.sessionMinutes = sessionMinutes;
            this.minutesDone = minutesDone;
        }

        @Override
        public void minute(int k, double o, double h, double l, double c, double v) {
            int position = k % minutesPerBar;
            if (position == 0) {
                open = o;
                high = h;
                low = l;
                volume = 0;
            } else {
                high = Math.max(high, h);
                low = Math.min(low, l);
            }
            close = c;
            volume += v;
            boolean barEnds = position == minutesPerBar - 1 || k == sessionMinutes - 1;
            if (barEnds && k < minutesDone) {
                out.add(sessionOpen + 60L * (k - position), open, high, low, close, volume);
            }
        }
    }
}
