package dev.sextant.streams.internal;

import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Quote;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's messages as JSON text. An update's members (symbol, channel, data) are rendered
 * once per value and shared by every connection that sends it: a symbol's quote goes to thousands
 * of clients, and only the sequence number differs between them.
 */
final class StreamMessages {

    private record Rendered(Quote quote, String members) {}

    private final JsonMapper json;
    private final Map<String, Rendered> lastQuote = new ConcurrentHashMap<>();

    StreamMessages(JsonMapper json) {
        this.json = json;
    }

    /** The members of a quote's snapshot or update. */
    String quote(Quote quote) {
        Rendered rendered = lastQuote.get(quote.symbol());
        if (rendered != null && rendered.quote() == quote) {
            return rendered.members();
        }
        String members = members(quote.symbol(), "quote", quote);
        lastQuote.put(quote.symbol(), new Rendered(quote, members));
        return members;
    }

    /** The members of a completed bar's snapshot or update; {@code index} -1 when there is no bar yet. */
    String bar(String symbol, String channel, BarSeries bars, int index) {
        if (index < 0) {
            return members(symbol, channel, null);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("time", Instant.ofEpochSecond(bars.bars().time(index)).toString());
        data.put("open", bars.bars().open(index));
        data.put("high", bars.bars().high(index));
        data.put("low", bars.bars().low(index));
        data.put("close", bars.bars().close(index));
        data.put("volume", bars.bars().volume(index));
        data.put("interval", bars.interval().code());
        data.put("provider", bars.provider());
        data.put("demo", bars.demo());
        return members(symbol, channel, data);
    }

    /** The members of an indicator's value at a completed bar ({@code time}); NaN values are null. */
    String indicator(
            String symbol,
            String channel,
            String name,
            @Nullable Instant time,
            Map<String, Double> values,
            String provider,
            boolean demo) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("indicator", name);
        data.put("time", time == null ? null : time.toString());
        Map<String, @Nullable Double> shown = new LinkedHashMap<>();
        values.forEach((output, value) -> shown.put(output, Double.isNaN(value) ? null : value));
        data.put("values", shown);
        data.put("provider", provider);
        data.put("demo", demo);
        return members(symbol, channel, data);
    }

    String json(Object value) {
        return json.writeValueAsString(value);
    }

    private String members(String symbol, String channel, @Nullable Object data) {
        return "\"symbol\":" + json.writeValueAsString(symbol) + ",\"channel\":" + json.writeValueAsString(channel)
                + ",\"data\":" + json.writeValueAsString(data);
    }
}
