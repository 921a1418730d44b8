package dev.sextant.analytics.check;

import java.util.Objects;

/**
 * The one argument checker: each method returns the value it checked, so a constructor can write
 * {@code this.period = Check.positive(period, "period")}. Primitive overloads keep hot paths free of
 * boxing; every message names the offending argument.
 */
public final class Check {

    private Check() {}

    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    public static int notNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    public static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, was " + value);
        }
        return value;
    }

    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
        return value;
    }

    /** Checks {@code min <= value <= max}. */
    public static int inRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Checks {@code 0 <= fromIndex <= toIndex <= size}, the contract of a half-open window. */
    public static void window(int fromIndex, int toIndex, int size) {
        if (fromIndex < 0 || toIndex > size || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException(
                    "window [" + fromIndex + ", " + toIndex + ") is outside [0, " + size + ")");
        }
    }
}
