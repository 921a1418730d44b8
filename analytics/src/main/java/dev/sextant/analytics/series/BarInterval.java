package dev.sextant.analytics.series;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The bar lengths Sextant speaks, with the codes clients use ({@code 1m} ... {@code 1mo}, as Yahoo
 * spells them). Weeks and months are calendar periods, so they carry no fixed length in seconds.
 */
public enum BarInterval {
    ONE_MINUTE("1m", 60),
    FIVE_MINUTES("5m", 5 * 60),
    FIFTEEN_MINUTES("15m", 15 * 60),
    THIRTY_MINUTES("30m", 30 * 60),
    ONE_HOUR("1h", 60 * 60),
    ONE_DAY("1d", 24 * 60 * 60),
    ONE_WEEK("1wk", 0),
    ONE_MONTH("1mo", 0);

    private final String code;
    private final int seconds;

    BarInterval(String code, int seconds) {
        this.code = code;
        this.seconds = seconds;
    }

    /** The wire code, e.g. {@code 1d}. */
    public String code() {
        return code;
    }

    /** True for bars shorter than a day, built from the trading session's minutes. */
    public boolean isIntraday() {
        return seconds > 0 && seconds < ONE_DAY.seconds;
    }

    /** Length in seconds of an intraday bar; only meaningful when {@link #isIntraday()}. */
    public int seconds() {
        return seconds;
    }

    public static Optional<BarInterval> fromCode(String code) {
        for (BarInterval interval : values()) {
            if (interval.code.equals(code)) {
                return Optional.of(interval);
            }
        }
        return Optional.empty();
    }

    /** The accepted codes, comma separated, for error messages and documentation. */
    public static String codes() {
        return Arrays.stream(values()).map(BarInterval::code).collect(Collectors.joining(", "));
    }
}
