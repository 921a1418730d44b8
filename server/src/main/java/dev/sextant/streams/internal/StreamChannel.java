package dev.sextant.streams.internal;

import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.series.BarInterval;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a subscription watches on a symbol; {@link #id} names it on the wire ({@code channel} of
 * every snapshot and update) and keys its conflation. Immutable.
 */
sealed interface StreamChannel {

    String id();

    /** The symbol's quote as it changes. */
    record QuoteChannel() implements StreamChannel {
        @Override
        public String id() {
            return "quote";
        }
    }

    /** Each bar of {@code interval} as it completes. */
    record BarChannel(BarInterval interval) implements StreamChannel {
        @Override
        public String id() {
            return "bar:" + interval.code();
        }
    }

    /**
     * An indicator of the registry over the bars of {@code interval}, a value as each bar completes.
     *
     * @param params resolved by the registry (every parameter, defaults filled in)
     */
    record IndicatorChannel(IndicatorCatalog.Definition definition, Map<String, Double> params, BarInterval interval)
            implements StreamChannel {
        @Override
        public String id() {
            return "indicator:" + definition.name() + ":" + interval.code() + ":"
                    + params.entrySet().stream()
                            .map(e -> e.getKey() + "=" + number(e.getValue()))
                            .collect(Collectors.joining(","));
        }

        private static String number(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }
}
