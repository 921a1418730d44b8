package dev.sextant.streams.internal;

import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.indicators.StreamingIndicator;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.identity.StreamCredentials;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /ws/stream} protocol (docs/API.md, "Live streams"): client {@code subscribe},
 * {@code unsubscribe}, {@code resume} and {@code ping}; server {@code welcome}, one {@code snapshot}
 * per subscription, numbered {@code update}s, {@code heartbeat}, {@code error} for any message it
 * cannot act on (the connection stays open). Each limit refuses with its own error code.
 */
class StreamHandler extends TextWebSocketHandler {

    static final String GRANT = StreamHandler.class.getName() + ".grant";
    private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);
    private static final String BUDGET = StreamHandler.class.getName() + ".budget";
    private static final int MIN_INTERVAL_MS = 100;
    private static final int MAX_INTERVAL_MS = 60_000;

    /** A client's message budget: a window of one second. */
    private static final class Budget {
        long windowStart = ClientStream.now();
        int used;

        synchronized boolean take(int perSecond) {
            long now = ClientStream.now();
            if (now - windowStart >= 1000) {
                windowStart = now;
                used = 0;
            }
            return ++used <= perSecond;
        }
    }

    /** A message the protocol refuses: its code and what to fix. */
    private static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final ClientStreams streams;
    private final SymbolFeeds feeds;
    private final MarketDataService market;
    private final StreamProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    private final StreamMessages messages;

    StreamHandler(
            ClientStreams streams,
            SymbolFeeds feeds,
            MarketDataService market,
            StreamProperties properties,
            Clock clock,
            JsonMapper json) {
        this.streams = streams;
        this.feeds = feeds;
        this.market = market;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.messages = new StreamMessages(json);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        StreamCredentials.Grant grant =
                (StreamCredentials.Grant) session.getAttributes().get(GRANT);
        session.getAttributes().put(BUDGET, new Budget());
        streams.open(session, grant)
                .ifPresent(stream -> stream.sendNow("{\"type\":\"welcome\",\"stream\":\""
                        + stream.id + "\",\"limits\":{\"symbols\":" + properties.maxSymbolsPerConnection()
                        + ",\"messagesPerSecond\":" + properties.maxMessagesPerSecond() + ",\"messageBytes\":"
                        + properties.maxMessageBytes() + ",\"intervalMs\":[" + MIN_INTERVAL_MS + "," + MAX_INTERVAL_MS
                        + "]},\"heartbeatMs\":" + properties.heartbeat().toMillis() + ",\"resumeWindowMs\":"
                        + properties.resumeWindow().toMillis() + "}"));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ClientStream stream = streams.of(session);
        if (stream == null) {
            return;
        }
        @Nullable String ref = null;
        try {
            Budget budget = (Budget) session.getAttributes().get(BUDGET);
            if (!budget.take(properties.maxMessagesPerSecond())) {
                throw new Refused(
                        "rate-limited",
                        "More than " + properties.maxMessagesPerSecond()
                                + " messages in a second: this one was dropped. Slow down.");
            }
            if (message.getPayloadLength() > properties.maxMessageBytes()) {
                throw new Refused(
                        "message-too-large",
                        "A message may have at most " + properties.maxMessageBytes() + " bytes; this one has "
                                + message.getPayloadLength() + ".");
            }
            JsonNode root;
            try {
                root = json.readTree(message.getPayload());
            } catch (JacksonException e) {
                throw new Refused("invalid-json", "The message is not JSON: send one JSON object per message.");
            }
            if (root == null || !root.isObject()) {
                throw new Refused("invalid-message", "Send a JSON object with a 'type'.");
            }
            JsonNode id = root.get("id");
            ref = id != null
                            && (id.isString() || id.isNumber())
                            && id.asString().length() <= 64
                    ? id.asString()
                    : null;
            String type = root.path("type").isString() ? root.path("type").asString() : "";
            switch (type) {
                case "subscribe" -> subscribe(stream, root);
                case "unsubscribe" -> unsubscribe(stream, root, ref);
                case "resume" -> resume(session, stream, root);
                case "ping" -> stream.sendNow("{\"type\":\"pong\",\"time\":\"" + clock.instant() + "\"}");
                default ->
                    throw new Refused(
                            "invalid-message",
                            "Unknown message type '" + abbreviate(type)
                                    + "'; send subscribe, unsubscribe, resume or ping.");
            }
        } catch (Refused refused) {
            error(stream, refused.code, refused.getMessage(), ref);
        } catch (DomainException refused) {
            error(stream, refused.refusal().code(), refused.getMessage(), ref);
        } catch (IllegalArgumentException invalid) {
            // A value the market-data records refuse (checked in their constructors): the client's to fix.
            error(stream, "invalid-message", invalid.getMessage(), ref);
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        ClientStream stream = streams.of(session);
        if (stream != null) {
            stream.lastPongAt = ClientStream.now();
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        streams.closed(session);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Stream connection {} failed: {}", session.getId(), exception.getMessage());
    }

    private void subscribe(ClientStream stream, JsonNode root) {
        List<String> symbols = symbols(root);
        List<StreamChannel> channels = channels(root.get("channels"));
        long intervalMs = intervalMs(root.get("intervalMs"));
        // Canonical symbols and their snapshot quotes first: an unknown symbol refuses the whole message.
        Map<String, Quote> quotes = new LinkedHashMap<>();
        for (String symbol : symbols) {
            Quote quote = market.quote(stream.caller, symbol);
            quotes.put(quote.symbol(), quote);
        }
        Set<String> after = new LinkedHashSet<>(stream.symbols.keySet());
        after.addAll(quotes.keySet());
        if (after.size() > properties.maxSymbolsPerConnection()) {
            throw new Refused(
                    "too-many-symbols",
                    "A connection may watch at most " + properties.maxSymbolsPerConnection()
                            + " symbols; this would make " + after.size() + ". Unsubscribe some first.");
        }
        for (Quote quote : quotes.values()) {
            String symbol = quote.symbol();
            ClientStream.SymbolWatch symbolWatch =
                    stream.symbols.computeIfAbsent(symbol, key -> new ClientStream.SymbolWatch());
            for (StreamChannel channel : channels) {
                ClientStream.Key key = new ClientStream.Key(symbol, channel.id());
                ClientStream.Watch watch = new ClientStream.Watch(key, channel, intervalMs);
                switch (channel) {
                    case StreamChannel.QuoteChannel q -> {
                        watch.lastValueTime = quote.time().toEpochMilli();
                        stream.enqueue("snapshot", messages.quote(quote));
                    }
                    case StreamChannel.BarChannel b -> derive(stream, watch, "snapshot");
                    case StreamChannel.IndicatorChannel i -> derive(stream, watch, "snapshot");
                }
                symbolWatch.channels.put(channel.id(), watch);
            }
            long fastest = symbolWatch.channels.values().stream()
                    .mapToLong(w -> w.intervalMs)
                    .min()
                    .orElse(intervalMs);
            var previous = symbolWatch.subscription;
            if (previous == null || fastest != symbolWatch.feedIntervalMs) {
                // The symbol's feed polls at the fastest interval any of this connection's channels asked for.
                symbolWatch.feedIntervalMs = fastest;
                symbolWatch.subscription = feeds.subscribe(
                        stream.caller, symbol, Duration.ofMillis(fastest), q -> onQuote(stream, symbolWatch, q));
                if (previous != null) {
                    previous.close();
                }
            }
        }
    }

    private void unsubscribe(ClientStream stream, JsonNode root, @Nullable String ref) {
        List<String> symbols = symbols(root);
        JsonNode given = root.get("channels");
        List<String> channelIds = given == null
                ? null
                : channels(given).stream().map(StreamChannel::id).toList();
        List<String> done = new ArrayList<>();
        for (String asked : symbols) {
            String symbol = stream.symbols.containsKey(asked) ? asked : asked.toUpperCase(java.util.Locale.ROOT);
            ClientStream.SymbolWatch watch = stream.symbols.get(symbol);
            if (watch == null) {
                continue;
            }
            for (String channel : List.copyOf(watch.channels.keySet())) {
                if (channelIds == null || channelIds.contains(channel)) {
                    watch.channels.remove(channel);
                    stream.forget(new ClientStream.Key(symbol, channel));
                }
            }
            if (watch.channels.isEmpty()) {
                stream.symbols.remove(symbol);
                var subscription = watch.subscription;
                if (subscription != null) {
                    subscription.close();
                }
            }
            done.add(symbol);
        }
        stream.sendNow("{\"type\":\"unsubscribed\"," + (ref == null ? "" : "\"id\":" + messages.json(ref) + ",")
                + "\"symbols\":" + messages.json(done) + "}");
    }

    private void resume(WebSocketSession session, ClientStream stream, JsonNode root) {
        JsonNode id = root.get("stream");
        JsonNode lastSeq = root.get("lastSeq");
        if (id == null || !id.isString() || lastSeq == null || !lastSeq.canConvertToLong()) {
            throw new Refused("invalid-message", "resume needs 'stream' (from welcome) and 'lastSeq' (a number).");
        }
        if (!stream.symbols.isEmpty() || stream.lastSeq() > 0) {
            throw new Refused("invalid-message", "Resume first, before subscribing on this connection.");
        }
        ClientStream resumed = streams.resume(session, stream, id.asString(), lastSeq.asLong())
                .orElseThrow(() -> new Refused(
                        "resume-unavailable",
                        "That stream cannot be resumed (unknown, expired, another account's, or the messages after "
                                + "lastSeq are no longer kept): subscribe again."));
        resumed.sendNow(
                "{\"type\":\"resumed\",\"stream\":\"" + resumed.id + "\",\"lastSeq\":" + lastSeq.asLong() + "}");
    }

    private void onQuote(ClientStream stream, ClientStream.SymbolWatch symbolWatch, Quote quote) {
        long time = quote.time().toEpochMilli();
        for (ClientStream.Watch watch : symbolWatch.channels.values()) {
            switch (watch.channel) {
                case StreamChannel.QuoteChannel q -> {
                    if (time > watch.lastValueTime) {
                        watch.lastValueTime = time;
                        stream.offer(watch, messages.quote(quote));
                    }
                }
                case StreamChannel.BarChannel b -> deriveIfBarCompleted(stream, watch, b.interval(), time);
                case StreamChannel.IndicatorChannel i -> deriveIfBarCompleted(stream, watch, i.interval(), time);
            }
        }
    }

    /** A quote past the end of the bar after the last one delivered means a bar completed: compute its value. */
    private void deriveIfBarCompleted(ClientStream stream, ClientStream.Watch watch, BarInterval interval, long time) {
        long barMs = interval.seconds() * 1000L;
        long lastBarEnd = watch.lastValueTime == Long.MIN_VALUE ? Long.MIN_VALUE : watch.lastValueTime + 2 * barMs;
        if (time >= lastBarEnd && watch.deriving.compareAndSet(false, true)) {
            Thread.ofVirtual().start(() -> {
                try {
                    derive(stream, watch, "update");
                } catch (DomainException | IllegalArgumentException e) {
                    log.debug("Stream {}: {} not computed: {}", stream.id, watch.key, e.getMessage());
                } finally {
                    watch.deriving.set(false);
                }
            });
        }
    }

    /**
     * A bar or indicator channel's value at the last completed bar: the snapshot, or an update when a
     * bar completed since the last one delivered. An indicator is fed each bar once, oldest first.
     */
    private void derive(ClientStream stream, ClientStream.Watch watch, String type) {
        BarInterval interval = switch (watch.channel) {
            case StreamChannel.BarChannel b -> b.interval();
            case StreamChannel.IndicatorChannel i -> i.interval();
            case StreamChannel.QuoteChannel q -> throw new IllegalStateException("a quote is not derived");
        };
        BarSeries bars =
                market.bars(stream.caller, BarRequest.withDefaults(watch.key.symbol(), interval, null, null, clock));
        int last = bars.bars().size() - 1;
        long lastTime = last < 0 ? Long.MIN_VALUE : bars.bars().time(last) * 1000;
        boolean snapshot = type.equals("snapshot");
        if (!snapshot && lastTime <= watch.lastValueTime) {
            return;
        }
        String members;
        if (watch.channel instanceof StreamChannel.IndicatorChannel channel) {
            StreamingIndicator indicator = watch.indicator;
            if (indicator == null) {
                indicator = channel.definition().stream(channel.params());
                watch.indicator = indicator;
            }
            for (int i = 0; i <= last; i++) {
                if (bars.bars().time(i) * 1000 > watch.lastValueTime) {
                    indicator.next(
                            bars.bars().time(i),
                            bars.bars().open(i),
                            bars.bars().high(i),
                            bars.bars().low(i),
                            bars.bars().close(i),
                            bars.bars().volume(i));
                }
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (int o = 0; o < indicator.outputs().size(); o++) {
                values.put(indicator.outputs().get(o), last < 0 ? Double.NaN : indicator.value(o));
            }
            members = messages.indicator(
                    watch.key.symbol(),
                    watch.key.channel(),
                    channel.definition().name(),
                    last < 0 ? null : Instant.ofEpochMilli(lastTime),
                    values,
                    bars.provider(),
                    bars.demo());
        } else {
            members = messages.bar(watch.key.symbol(), watch.key.channel(), bars, last);
        }
        if (last >= 0) {
            watch.lastValueTime = lastTime;
        }
        if (snapshot) {
            stream.enqueue("snapshot", members);
        } else {
            stream.offer(watch, members);
        }
    }

    private List<String> symbols(JsonNode root) {
        JsonNode symbols = root.get("symbols");
        if (symbols == null || !symbols.isArray() || symbols.isEmpty()) {
            throw new Refused("invalid-message", "'symbols' must be a non-empty array of symbols.");
        }
        if (symbols.size() > properties.maxSymbolsPerConnection()) {
            throw new Refused(
                    "too-many-symbols",
                    "A connection may watch at most " + properties.maxSymbolsPerConnection() + " symbols.");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode symbol : symbols) {
            if (!symbol.isString()
                    || symbol.asString().isBlank()
                    || symbol.asString().length() > 32) {
                throw new Refused("invalid-message", "Each symbol must be a string of 1 to 32 characters.");
            }
            list.add(symbol.asString().strip());
        }
        return list;
    }

    private List<StreamChannel> channels(@Nullable JsonNode given) {
        if (given == null) {
            return List.of(new StreamChannel.QuoteChannel());
        }
        if (!given.isArray() || given.isEmpty() || given.size() > 10) {
            throw new Refused("invalid-channel", "'channels' must be an array of 1 to 10 channels.");
        }
        List<StreamChannel> channels = new ArrayList<>();
        for (JsonNode channel : given) {
            channels.add(channel(channel));
        }
        return channels;
    }

    private StreamChannel channel(JsonNode node) {
        String type = node.isString()
                ? node.asString()
                : node.path("type").isString() ? node.path("type").asString() : "";
        return switch (type) {
            case "quote" -> new StreamChannel.QuoteChannel();
            case "bar" -> new StreamChannel.BarChannel(interval(node));
            case "indicator" -> indicator(node);
            default ->
                throw new Refused(
                        "invalid-channel", "Unknown channel '" + abbreviate(type) + "': use quote, bar or indicator.");
        };
    }

    private StreamChannel indicator(JsonNode node) {
        String name = node.path("name").isString() ? node.path("name").asString() : "";
        IndicatorCatalog.Definition definition = IndicatorCatalog.ALL.get(name.toUpperCase(java.util.Locale.ROOT));
        if (definition == null) {
            throw new Refused(
                    "invalid-indicator",
                    "Unknown indicator '" + abbreviate(name) + "'; the registry has " + IndicatorCatalog.ALL.keySet()
                            + ".");
        }
        Map<String, Double> given = new LinkedHashMap<>();
        JsonNode params = node.get("params");
        if (params != null) {
            if (!params.isObject()) {
                throw new Refused("invalid-indicator", "'params' must be an object of numbers.");
            }
            for (var entry : params.properties()) {
                if (!entry.getValue().isNumber()) {
                    throw new Refused(
                            "invalid-indicator", "Parameter '" + abbreviate(entry.getKey()) + "' must be a number.");
                }
                given.put(entry.getKey(), entry.getValue().asDouble());
            }
        }
        try {
            return new StreamChannel.IndicatorChannel(definition, definition.resolve(given), interval(node));
        } catch (IllegalArgumentException e) {
            throw new Refused("invalid-indicator", e.getMessage());
        }
    }

    private static BarInterval interval(JsonNode node) {
        String code = node.path("interval").isString() ? node.path("interval").asString() : "1m";
        BarInterval interval = BarInterval.fromCode(code)
                .filter(found -> found.seconds() > 0)
                .orElseThrow(() -> new Refused(
                        "invalid-channel",
                        "Unknown or unsupported bar interval '" + abbreviate(code)
                                + "': use 1m, 5m, 15m, 30m, 1h or 1d."));
        return interval;
    }

    private static long intervalMs(@Nullable JsonNode node) {
        if (node == null) {
            return 1000;
        }
        if (!node.canConvertToLong()
                || !node.isIntegralNumber()
                || node.asLong() < MIN_INTERVAL_MS
                || node.asLong() > MAX_INTERVAL_MS) {
            throw new Refused(
                    "invalid-interval",
                    "'intervalMs' must be a whole number from " + MIN_INTERVAL_MS + " to " + MAX_INTERVAL_MS + ".");
        }
        return node.asLong();
    }

    private void error(ClientStream stream, String code, String message, @Nullable String ref) {
        stream.sendNow("{\"type\":\"error\",\"code\":" + messages.json(code) + ",\"message\":" + messages.json(message)
                + (ref == null ? "" : ",\"id\":" + messages.json(ref)) + "}");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
