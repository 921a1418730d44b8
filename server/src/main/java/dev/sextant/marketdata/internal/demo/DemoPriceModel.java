package dev.sextant.marketdata.internal.demo;

import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.internal.calendar.TradingSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the synthetic prices of one demo instrument. Deterministic: a session's bars depend only
 * on the instrument, the date and the previous close, so every run, machine and request sees the
 * same market, and a day's bars never change as time goes on.
 *
 * <p>Each session's change, in the latent space of the instrument's {@link DemoDynamics} (the log
 * price, for prices), is its expected step plus a common market factor times the instrument's beta
 * plus its own noise (so demo symbols correlate like real ones). Within the session the latent
 * value follows a Brownian bridge from the open to that close, minute by minute, and each minute is
 * mapped to its level; daily bars are built from those same minutes, so aggregating the {@code 1m}
 * bars of a session gives exactly its {@code 1d} bar, and a level kept within bounds is within them
 * at every minute.
 */
final class DemoPriceModel {

    /** Receives the minutes of a session in order, prices already rounded to the instrument's tick. */
    interface MinuteSink {
        void minute(int index, double open, double high, double low, double close, double volume);
    }

    /**
     * The instrument's daily history: bars stamped at 00:00 UTC of their session date, plus each
     * session's unrounded close, which seeds the next session.
     */
    record DailyHistory(OhlcvSeries bars, double[] rawCloses) {

        int indexOf(LocalDate day) {
            long time = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            int index = bars.indexAtOrAfter(time);
            return index < bars.size() && bars.time(index) == time ? index : -1;
        }
    }

    private static final double US_FACTOR_VOLATILITY = 0.16;
    private static final double CRYPTO_FACTOR_VOLATILITY = 0.60;
    private static final long US_FACTOR_SEED = 0x5EED_0001L;
    private static final long CRYPTO_FACTOR_SEED = 0x5EED_0002L;
    private static final double OVERNIGHT_SHARE = 0.25;
    private static final double WICK = 0.6;

    private final DemoInstrument instrument;
    private final TradingSession session;
    private final DemoDynamics dynamics;
    private final long seed;
    private final double factorVolatility;
    private final long factorSeed;
    private final double idiosyncraticVolatility;
    private final double scale;
    private final double tick;
    private final double[] volumeShape;

    DemoPriceModel(DemoInstrument instrument) {
        this.instrument = instrument;
        this.session = instrument.session();
        this.dynamics = instrument.dynamics();
        this.seed = fnv1a(instrument.symbol());
        boolean crypto = session == TradingSession.CRYPTO;
        this.factorVolatility = crypto ? CRYPTO_FACTOR_VOLATILITY : US_FACTOR_VOLATILITY;
        this.factorSeed = crypto ? CRYPTO_FACTOR_SEED : US_FACTOR_SEED;
        double systematic = instrument.beta() * factorVolatility;
        this.idiosyncraticVolatility = Math.sqrt(
                Math.max(instrument.volatility() * instrument.volatility() - systematic * systematic, 0.0001));
        this.scale = Math.pow(10, instrument.decimals());
        this.tick = 1 / scale;
        this.volumeShape = volumeShape(session.minutes(), crypto);
    }

    DemoInstrument instrument() {
        return instrument;
    }

    /** Every session from the instrument's first day to {@code lastDay}, inclusive. */
    DailyHistory history(LocalDate lastDay) {
        int expected =
                (int) Math.max(0, lastDay.toEpochDay() - instrument.firstDay().toEpochDay() + 1);
        OhlcvSeries.Builder bars = OhlcvSeries.builder(expected);
        double[] rawCloses = new double[Math.max(expected, 1)];
        DailyBar day = new DailyBar();
        double previousClose = instrument.firstPrice();
        double[] path = new double[session.minutes() + 1];
        for (LocalDate d = instrument.firstDay(); !d.isAfter(lastDay); d = d.plusDays(1)) {
            if (!session.isTradingDay(d)) {
                continue;
            }
            day.reset();
            previousClose = session(d, previousClose, day, path);
            rawCloses[bars.size()] = previousClose;
            bars.add(
                    d.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), day.open, day.high, day.low, day.close, day.volume);
        }
        return new DailyHistory(bars.build(), Arrays.copyOf(rawCloses, bars.size()));
    }

    /**
     * Draws one session's minutes into {@code sink} and returns its unrounded close.
     *
     * @param path scratch space of {@code session.minutes() + 1} values, reused between calls
     */
    double session(LocalDate day, double previousClose, MinuteSink sink, double[] path) {
        final int minutes = session.minutes();
        final double perSession = Math.sqrt(session.tradingDaysPerYear());
        final long epochDay = day.toEpochDay();
        SplittableRandom random = new SplittableRandom(mix(seed + epochDay));
        double factor = factorVolatility / perSession * new SplittableRandom(mix(factorSeed + epochDay)).nextGaussian();
        double surprise = instrument.beta() * factor + idiosyncraticVolatility / perSession * random.nextGaussian();
        double latentPrevious = dynamics.latent(previousClose);
        double latentClose = latentPrevious
                + dynamics.expectedStep(latentPrevious, instrument.volatility(), session.tradingDaysPerYear())
                + surprise;
        double latentOpen = session.hasOvernightGap() ? latentPrevious + OVERNIGHT_SHARE * surprise : latentPrevious;
        double dayVolume =
                instrument.dailyVolume() * Math.exp(0.3 * random.nextGaussian()) * (1 + 8 * Math.abs(surprise));

        // Brownian bridge: a random walk pinned to the open at minute 0 and the close at the last minute.
        final double minuteVolatility = instrument.volatility() / perSession / Math.sqrt(minutes);
        path[0] = 0;
        for (int k = 1; k <= minutes; k++) {
            path[k] = path[k - 1] + minuteVolatility * random.nextGaussian();
        }
        final double walkEnd = path[minutes];
        final double drift = latentClose - latentOpen;
        for (int k = 0; k <= minutes; k++) {
            double share = (double) k / minutes;
            path[k] = dynamics.level(latentOpen + share * drift + path[k] - share * walkEnd);
        }
        for (int k = 0; k < minutes; k++) {
            double open = Math.max(round(path[k]), tick);
            double close = Math.max(round(path[k + 1]), tick);
            double high = Math.max(
                    round(Math.max(path[k], path[k + 1]) * (1 + WICK * minuteVolatility * random.nextDouble())),
                    Math.max(open, close));
            double low = Math.max(
                    tick,
                    Math.min(
                            round(Math.min(path[k], path[k + 1]) * (1 - WICK * minuteVolatility * random.nextDouble())),
                            Math.min(open, close)));
            double volume = Math.rint(dayVolume * volumeShape[k] * (0.5 + random.nextDouble()));
            sink.minute(k, open, high, low, close, volume);
        }
        return path[minutes];
    }

    /**
     * The sub-minute path of one running minute: {@code steps + 1} prices, the first its open and
     * the last its close, every one within its low and high and on the instrument's tick, so that a
     * stream's ticks are continuous with the minute bars and never contradict them. Deterministic:
     * the path depends only on the instrument and the minute ({@code epochMinute}, minutes since the
     * epoch), so every node and every run sees the same ticks at the same time.
     */
    double[] ticks(long epochMinute, double open, double high, double low, double close, int steps) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ mix(epochMinute)));
        double[] path = new double[steps + 1];
        // A Brownian bridge from the open to the close whose typical excursion spans about half the
        // minute's range: the ticks wander within the bar as a real minute does.
        double sigma = (high - low) / 2 / Math.sqrt(steps);
        double walk = 0;
        path[0] = 0;
        for (int k = 1; k <= steps; k++) {
            walk += sigma * random.nextGaussian();
            path[k] = walk;
        }
        double walkEnd = path[steps];
        for (int k = 0; k <= steps; k++) {
            double share = (double) k / steps;
            double price = open + share * (close - open) + path[k] - share * walkEnd;
            path[k] = Math.min(Math.max(round(price), low), high);
        }
        path[0] = open;
        path[steps] = close;
        return path;
    }

    private double round(double price) {
        return Math.rint(price * scale) / scale;
    }

    /** Intraday volume share per minute: a U shape for exchange sessions (busy open and close), flat for crypto. */
    private static double[] volumeShape(int minutes, boolean flat) {
        double[] shape = new double[minutes];
        double sum = 0;
        for (int k = 0; k < minutes; k++) {
            double x = (k + 0.5) / minutes - 0.5;
            shape[k] = flat ? 1 : 1 + 12 * x * x;
            sum += shape[k];
        }
        for (int k = 0; k < minutes; k++) {
            shape[k] /= sum;
        }
        return shape;
    }

    /** Aggregates a session's minutes into its daily bar. */
    private static final class DailyBar implements MinuteSink {
        double open;
        double high;
        double low;
        double close;
        double volume;

        void reset() {
            high = Double.NEGATIVE_INFINITY;
            low = Double.POSITIVE_INFINITY;
            volume = 0;
        }

        @Override
        public void minute(int index, double o, double h, double l, double c, double v) {
            if (index == 0) {
                open = o;
            }
            high = Math.max(high, h);
            low = Math.min(low, l);
            close = c;
            volume += v;
        }
    }

    /** A stable 64-bit hash of the symbol (String.hashCode is only 32 bits). */
    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * MurmurHash3's finaliser. Seeds of consecutive days must be scrambled: SplittableRandom streams
     * whose seeds differ by its internal increment would be the same stream shifted by one draw.
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
