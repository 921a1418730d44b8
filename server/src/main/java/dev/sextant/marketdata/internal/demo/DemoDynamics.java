package dev.sextant.marketdata.internal.demo;

/**
 * How a demo instrument's level moves from session to session. The price model draws every step in
 * a latent space (a session's surprise, the minute-by-minute bridge) and maps it to the level
 * served; the map decides what values the level can take. Immutable and thread-safe.
 */
sealed interface DemoDynamics {

    /** The latent value of a level. */
    double latent(double level);

    /** The level of a latent value. */
    double level(double latent);

    /**
     * The expected latent change over one session from {@code latent}.
     *
     * @param volatility the instrument's annualised volatility in latent units
     */
    double expectedStep(double latent, double volatility, int sessionsPerYear);

    /**
     * A price: geometric Brownian motion, the log price a random walk with drift. Unbounded above,
     * positive, compounding like a stock or an index of prices (CPI).
     *
     * @param drift expected annual return; the median path grows by {@code drift - volatility^2 / 2} a year
     */
    record Growth(double drift) implements DemoDynamics {

        @Override
        public double latent(double level) {
            return Math.log(level);
        }

        @Override
        public double level(double latent) {
            return Math.exp(latent);
        }

        @Override
        public double expectedStep(double latent, double volatility, int sessionsPerYear) {
            // Itô's correction: the log growth is drift - sigma^2 / 2, so that 'drift' is the expected return.
            return (drift - 0.5 * volatility * volatility) / sessionsPerYear;
        }
    }

    /**
     * A level that returns to its usual value and stays within historical bounds, as a yield or a
     * volatility index does: the latent value is an Ornstein-Uhlenbeck process (mean reversion with
     * the given half-life) and the level is {@code floor + (ceiling - floor) * logistic(latent)}, so
     * it can come near the bounds but never reach them. Near the floor the logistic is an
     * exponential, so the level above the floor is log-normal there: skewed upwards, like the VIX.
     *
     * @param median the level the latent value reverts to
     * @param halfLife sessions for half of a departure from the median to fade, in expectation
     */
    record MeanReverting(double floor, double ceiling, double median, double halfLife) implements DemoDynamics {

        /** Keeps the logit finite however close a level came to a bound. */
        private static final double EDGE = 1e-12;

        public MeanReverting {
            if (!(floor < median && median < ceiling && halfLife > 0)) {
                throw new IllegalArgumentException("needs floor < median < ceiling and a positive half-life");
            }
        }

        @Override
        public double latent(double level) {
            double share = Math.min(Math.max((level - floor) / (ceiling - floor), EDGE), 1 - EDGE);
            return Math.log(share / (1 - share));
        }

        @Override
        public double level(double latent) {
            return floor + (ceiling - floor) / (1 + Math.exp(-latent));
        }

        @Override
        public double expectedStep(double latent, double volatility, int sessionsPerYear) {
            double reversion = 1 - Math.pow(0.5, 1 / halfLife);
            return reversion * (latent(median) - latent);
        }
    }
}
