package dev.sextant.analytics.risk;

/**
 * Fisher's F distribution with {@code d1} and {@code d2} degrees of freedom, through the
 * regularised incomplete beta function: {@code P(F <= f) = I(d1 f / (d1 f + d2); d1/2, d2/2)}.
 * The upper tail is computed from its own beta form, so small p-values keep their precision.
 */
public final class FDistribution {

    private static final int MAX_ITERATIONS = 10_000;
    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    private FDistribution() {}

    /** {@code P(F <= f)}; 0 for {@code f <= 0}. */
    public static double cdf(double f, double d1, double d2) {
        checkDegrees(d1, d2);
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 0;
        }
        if (f == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return regularizedBeta(d1 * f / (d1 * f + d2), d1 / 2, d2 / 2);
    }

    /** {@code P(F > f)}, the p-value of an F statistic; 1 for {@code f <= 0}. */
    public static double survival(double f, double d1, double d2) {
        checkDegrees(d1, d2);
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1;
        }
        if (f == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }

    /**
     * The regularised incomplete beta function {@code I_x(a, b)}, by its continued fraction
     * (modified Lentz), on the side of {@code x} where the fraction converges fast.
     */
    public static double regularizedBeta(double x, double a, double b) {
        if (!(a > 0) || !(b > 0)) {
            throw new IllegalArgumentException("a and b must be positive, were " + a + " and " + b);
        }
        if (Double.isNaN(x) || x < 0 || x > 1) {
            throw new IllegalArgumentException("x must be in [0, 1], was " + x);
        }
        if (x == 0 || x == 1) {
            return x;
        }
        double logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * continuedFraction(x, a, b) / a;
        }
        return 1 - Math.exp(logFront) * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return h;
            }
        }
        return h; // converged as far as double precision allows
    }

    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** ln Γ(x) for x > 0, by Lanczos' approximation (g = 7), with the reflection below 0.5. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    private static void checkDegrees(double d1, double d2) {
        if (!(d1 > 0) || !(d2 > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be positive, were " + d1 + " and " + d2);
        }
    }
}
