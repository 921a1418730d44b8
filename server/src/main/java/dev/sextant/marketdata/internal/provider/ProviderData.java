package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.OhlcvSeries;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Checks on what providers send, shared by all of them: garbage fails the call, it is never passed on. */
final class ProviderData {

    private ProviderData() {}

    /** The built series, or BAD_DATA naming the first bad bar (NaN, negative volume, out of order...). */
    static OhlcvSeries series(String provider, OhlcvSeries.Builder bars) {
        try {
            return bars.build();
        } catch (IllegalArgumentException e) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "bad bars: " + e.getMessage());
        }
    }

    static ProviderQuote quote(
            String provider, String symbol, double price, double previousClose, String currency, Instant time) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "price for " + symbol + " is " + price);
        }
        if (!Double.isNaN(previousClose) && (!(previousClose > 0) || Double.isInfinite(previousClose))) {
            throw new ProviderFailure(
                    provider, ProviderFailure.Kind.BAD_DATA, "previous close for " + symbol + " is " + previousClose);
        }
        if (time == null) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "quote for " + symbol + " has no time");
        }
        return new ProviderQuote(symbol, price, previousClose, currency, time);
    }

    /** A required number: missing or not numeric is BAD_DATA. */
    static double number(String provider, JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "no '" + field + "' in the answer");
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isString()) {
            try {
                return Double.parseDouble(value.asString().strip());
            } catch (NumberFormatException e) {
                throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "'" + field + "' is not a number");
            }
        }
        throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "'" + field + "' is not a number");
    }

    static double numberOr(JsonNode node, String field, double fallback) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.parseDouble(value.asString().strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static double parse(String provider, String text, String what) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new ProviderFailure(
                    provider, ProviderFailure.Kind.BAD_DATA, what + " is not a number: '" + abbreviate(text) + "'");
        }
    }

    /** Providers built from daily data alone refuse other intervals as "not carried", not as a failure. */
    static void requireDaily(String provider, dev.sextant.analytics.series.BarInterval interval) {
        if (interval != dev.sextant.analytics.series.BarInterval.ONE_DAY) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.NOT_FOUND, "daily values only");
        }
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
