package dev.sextant.tools.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Numbers for the text form, rounded to what matters to a reader: prices to cents (to four
 * significant digits below 1), ratios and fractions to four decimals, volumes whole. Structured
 * answers keep the exact values.
 */
final class Numbers {

    private Numbers() {}

    static String price(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 1 || value == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return new BigDecimal(value)
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    static String ratio(@Nullable Double value) {
        return value == null || !Double.isFinite(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String volume(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f", value) : "n/a";
    }

    /** A JSON number for a structured answer: null where the value is not finite (JSON has no NaN). */
    static @Nullable Double json(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Any cell of a result: numbers rounded as ratios unless they are large, text as it is. */
    static String cell(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double number) {
            return Math.abs(number) >= 1000 ? price(number) : ratio(number);
        }
        return String.valueOf(value);
    }
}
