package dev.sextant.analytics.check;

import java.util.function.Supplier;

/**
 * Co-operative limits on long computations. A caller runs work {@link #under} a {@link Limit};
 * kernels and engines call {@link #reached(int)} inside their loops, and the limit, when spent,
 * ends the work there by throwing, so no single kernel call can run past it unchecked.
 *
 * <p>Bound with a {@link ScopedValue}, so the kernels' signatures stay free of it and work that
 * runs without a limit pays one branch every {@link #EVERY} iterations. Work forked to other
 * threads (parallel streams) is not covered unless each forked task runs {@link #under} the same
 * limit again.
 */
public final class ComputeCheckpoint {

    /** Iterations between two checks in a loop: a power of two, so the test is one mask. */
    public static final int EVERY = 4096;

    private static final int MASK = EVERY - 1;
    private static final ScopedValue<Limit> LIMIT = ScopedValue.newInstance();

    /** What a checkpoint asks; it throws (an unchecked exception of the caller's choice) when spent. */
    @FunctionalInterface
    public interface Limit {
        void check();
    }

    private ComputeCheckpoint() {}

    /** Runs {@code work} on this thread with {@code limit} checked at every checkpoint it reaches. */
    public static <T> T under(Limit limit, Supplier<T> work) {
        Check.notNull(limit, "limit");
        return ScopedValue.where(LIMIT, limit).call(work::get);
    }

    /** A checkpoint: checks the limit the current work runs under, if any. */
    public static void reached() {
        if (LIMIT.isBound()) {
            LIMIT.get().check();
        }
    }

    /** A checkpoint in a loop over {@code iteration}: checks once every {@link #EVERY} iterations. */
    public static void reached(int iteration) {
        if ((iteration & MASK) == 0) {
            reached();
        }
    }
}
