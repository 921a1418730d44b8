package dev.sextant.streams.internal;

import dev.sextant.analytics.indicators.StreamingIndicator;
import dev.sextant.identity.StreamCredentials;
import dev.sextant.platform.Caller;
import dev.sextant.platform.UserId;
import dev.sextant.streams.QuoteFeed;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One client's stream: its subscriptions, the numbering of what it is sent, the latest pending
 * update per symbol and channel, and the last numbered messages kept for a {@code resume}. It
 * outlives its connection by the resume window, so a client that reconnects continues where it was.
 *
 * <p>Backpressure: only one frame (a message, or a batch of those ready together) is ever being
 * written to the socket. While it is, updates wait
 * in a map holding the latest one per symbol and channel (conflation: a slow client skips values,
 * never receives stale ones late, and the memory held is bounded by its subscriptions); snapshots
 * and replays wait in order. {@link ClientStreams} closes a client whose one message has not left
 * within the slow-client limit.
 *
 * <p>Thread-safe: the feed's threads offer updates, the connection's thread subscribes, one drainer
 * at a time writes; the outbound state is guarded by {@code lock}.
 */
final class ClientStream {

    private static final Logger log = LoggerFactory.getLogger(ClientStream.class);
    private static final int BATCH_CHARS = 32 * 1024;
    private static final String BATCH_START = "{\"type\":\"batch\",\"messages\":[";

    /** One watched symbol and channel: the conflation key. */
    record Key(String symbol, String channel) {}

    /** A numbered message, kept for a resume. */
    private record Numbered(long seq, String text) {}

    /**
     * A message waiting to leave: either to be numbered ({@code members}: the JSON members after
     * {@code seq}) or a replay already numbered ({@code text}).
     */
    private record Outbound(
            @Nullable Key key,
            String type,
            @Nullable String members,
            @Nullable String text,
            long offeredAt,
            long dueAt) {}

    /** What one subscription has delivered: the throttle and the last value's time. */
    static final class Watch {
        final Key key;
        final StreamChannel channel;
        final long intervalMs;
        /**
         * When the last update let through arrived (not when it left): the throttle counts from there,
         * so an update whose write was late under load does not hold back the next one, due on arrival.
         */
        volatile long lastSentAt = Long.MIN_VALUE / 2;
        /** The time (epoch ms) of the last value queued: older or equal values are not news. */
        volatile long lastValueTime = Long.MIN_VALUE;
        /** An indicator channel's running indicator, fed each completed bar once (under {@code deriving}). */
        @Nullable
        StreamingIndicator indicator;
        /** Whether a bar or indicator value is being computed, so that one computation runs at a time. */
        final AtomicBoolean deriving = new AtomicBoolean();

        Watch(Key key, StreamChannel channel, long intervalMs) {
            this.key = key;
            this.channel = channel;
            this.intervalMs = intervalMs;
        }
    }

    final String id;
    final UserId owner;
    final StreamCredentials.Grant grant;
    volatile Caller caller;
    /** Per symbol: its feed subscription and its watches by channel id. */
    final Map<String, SymbolWatch> symbols = new ConcurrentHashMap<>();

    static final class SymbolWatch {
        final Map<String, Watch> channels = new ConcurrentHashMap<>();
        volatile QuoteFeed.@Nullable Subscription subscription;
        volatile long feedIntervalMs;
    }

    private final Executor executor;
    private final int resumeBuffer;
    private final Object lock = new Object();
    private final ArrayDeque<Outbound> ordered = new ArrayDeque<>();
    private final LinkedHashMap<Key, Outbound> conflated = new LinkedHashMap<>();
    private final ArrayDeque<Numbered> sent = new ArrayDeque<>();
    private long seq;
    private boolean draining;
    private volatile @Nullable ConcurrentWebSocketSessionDecorator session;
    private volatile boolean ended;
    volatile long detachedAt = -1;
    volatile long lastPongAt = now();
    /**
     * When this stream's next heartbeat and credential recheck fall due: each stream keeps its own
     * from when it opened, so that thousands of connections do not all get theirs in the same tick.
     */
    long nextHeartbeatAt;

    long nextRecheckAt;

    ClientStream(String id, StreamCredentials.Grant grant, Executor executor, int resumeBuffer) {
        this.id = id;
        this.grant = grant;
        this.caller = grant.caller();
        this.owner = grant.caller().user();
        this.executor = executor;
        this.resumeBuffer = resumeBuffer;
    }

    static long now() {
        return System.nanoTime() / 1_000_000;
    }

    @Nullable
    ConcurrentWebSocketSessionDecorator session() {
        return session;
    }

    boolean ended() {
        return ended;
    }

    boolean attached() {
        return session != null;
    }

    void attach(ConcurrentWebSocketSessionDecorator connection) {
        this.session = connection;
        this.detachedAt = -1;
        this.lastPongAt = now();
    }

    /** The connection dropped: keep numbering into the resume buffer until the client resumes or the window ends. */
    void detach(WebSocketSession connection) {
        ConcurrentWebSocketSessionDecorator current = session;
        if (current != null && current.getDelegate() == connection) {
            session = null;
            detachedAt = now();
        }
    }

    /** Distinct symbols watched. */
    int symbolCount() {
        return symbols.size();
    }

    /** The last sequence number given. */
    long lastSeq() {
        synchronized (lock) {
            return seq;
        }
    }

    /**
     * Takes over after a reconnect: everything numbered after {@code lastSeq} is sent again first,
     * then the stream goes on. False when the buffer no longer holds the message after {@code lastSeq}
     * (or it was never sent), which a client answers by subscribing afresh.
     */
    boolean resume(ConcurrentWebSocketSessionDecorator connection, long lastSeq) {
        synchronized (lock) {
            if (lastSeq > seq || lastSeq < 0) {
                return false;
            }
            if (lastSeq < seq && (sent.isEmpty() || sent.peekFirst().seq() > lastSeq + 1)) {
                return false;
            }
            List<Outbound> replays = new ArrayList<>();
            for (Numbered numbered : sent) {
                if (numbered.seq() > lastSeq) {
                    replays.add(new Outbound(null, "replay", null, numbered.text(), 0, 0));
                }
            }
            for (int i = replays.size() - 1; i >= 0; i--) {
                ordered.addFirst(replays.get(i));
            }
            attach(connection);
        }
        signal();
        return true;
    }

    /** Queues a message to number and send in order (a snapshot). */
    void enqueue(String type, String members) {
        synchronized (lock) {
            ordered.addLast(new Outbound(null, type, members, null, 0, 0));
        }
        signal();
    }

    /** Queues an update: it replaces any pending one of the same watch and leaves at its throttle's time. */
    void offer(Watch watch, String members) {
        if (ended) {
            return;
        }
        long now = now();
        long dueAt = watch.lastSentAt + watch.intervalMs * 9 / 10;
        synchronized (lock) {
            conflated.put(watch.key, new Outbound(watch.key, "update", members, null, now, dueAt));
        }
        if (dueAt <= now) {
            signal();
        }
    }

    /** Drops what is pending for a watch that was unsubscribed. */
    void forget(Key key) {
        synchronized (lock) {
            conflated.remove(key);
        }
    }

    /** Whether an update waits whose time has come (the housekeeping tick's question). */
    boolean hasDue() {
        synchronized (lock) {
            if (!ordered.isEmpty()) {
                return true;
            }
            long now = now();
            for (Outbound outbound : conflated.values()) {
                if (outbound.dueAt() <= now) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Sends an unnumbered message (welcome, heartbeat, error) at once, beside the drainer. */
    void sendNow(String text) {
        ConcurrentWebSocketSessionDecorator connection = session;
        if (connection == null || !connection.isOpen()) {
            return;
        }
        try {
            connection.sendMessage(new TextMessage(text));
        } catch (IOException | IllegalStateException e) {
            log.debug("Stream {}: a message could not be sent: {}", id, e.getMessage());
        }
    }

    /** Starts the drainer unless one runs. */
    void signal() {
        synchronized (lock) {
            if (draining) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            List<String> batch = new ArrayList<>();
            ConcurrentWebSocketSessionDecorator connection;
            synchronized (lock) {
                connection = session;
                while (!ordered.isEmpty()) {
                    batch.add(number(ordered.pollFirst()));
                }
                long now = now();
                // While detached, updates stay pending and conflated (one per watch) instead of being
                // numbered into the resume buffer: a resume replays what was numbered before the drop,
                // then gets the latest values, numbered on from there. The buffer stays small.
                Iterator<Outbound> pending = connection == null
                        ? java.util.Collections.emptyIterator()
                        : conflated.values().iterator();
                while (pending.hasNext()) {
                    Outbound outbound = pending.next();
                    if (outbound.dueAt() <= now) {
                        pending.remove();
                        batch.add(number(outbound));
                        Watch watch = watchOf(outbound.key());
                        if (watch != null) {
                            // The moment it was due to leave: its arrival, or its throttle's time if it waited.
                            watch.lastSentAt = Math.max(outbound.offeredAt(), outbound.dueAt());
                        }
                    }
                }
                if (batch.isEmpty() || ended) {
                    draining = false;
                    return;
                }
            }
            if (connection == null) {
                continue; // detached: what was numbered waits in the resume buffer
            }
            for (String frame : frames(batch)) {
                try {
                    if (connection.isOpen()) {
                        connection.sendMessage(new TextMessage(frame));
                    }
                } catch (IOException | IllegalStateException e) {
                    log.debug("Stream {}: sending failed: {}", id, e.getMessage());
                    break;
                }
            }
        }
    }

    /**
     * The WebSocket frames for numbered messages ready together: one alone as itself, several in
     * {@code batch} frames of up to {@value #BATCH_CHARS} characters, in order (docs/API.md, "batch").
     * Under load, updates wait together and share a frame, so the work per update on both ends (a
     * write, a frame, a wake-up) shrinks just when the machine is short of it.
     */
    static List<String> frames(List<String> messages) {
        if (messages.size() == 1) {
            return messages;
        }
        List<String> frames = new ArrayList<>();
        int total = BATCH_START.length() + 2;
        for (String message : messages) {
            total += message.length() + 1;
        }
        StringBuilder frame = new StringBuilder(Math.min(total, BATCH_CHARS + BATCH_START.length()));
        int inFrame = 0;
        for (String message : messages) {
            if (inFrame > 0 && frame.length() + message.length() > BATCH_CHARS) {
                frames.add(close(frame, inFrame));
                frame.setLength(0);
                inFrame = 0;
            }
            frame.append(inFrame == 0 ? BATCH_START : ",").append(message);
            inFrame++;
        }
        if (inFrame > 0) {
            frames.add(close(frame, inFrame));
        }
        return frames;
    }

    private static String close(StringBuilder frame, int messages) {
        if (messages == 1) {
            return frame.substring(BATCH_START.length());
        }
        return frame.append("]}").toString();
    }

    private @Nullable Watch watchOf(@Nullable Key key) {
        if (key == null) {
            return null;
        }
        SymbolWatch symbol = symbols.get(key.symbol());
        return symbol == null ? null : symbol.channels.get(key.channel());
    }

    private String number(Outbound outbound) {
        if (outbound.text() != null) {
            return outbound.text();
        }
        seq++;
        String text = "{\"type\":\"" + outbound.type() + "\",\"seq\":" + seq + "," + outbound.members() + "}";
        sent.addLast(new Numbered(seq, text));
        while (sent.size() > resumeBuffer) {
            sent.pollFirst();
        }
        return text;
    }

    /** Ends the stream for good: no resume. Closes the connection with {@code status} if one is open. */
    void end(CloseStatus status) {
        ended = true;
        for (SymbolWatch watch : symbols.values()) {
            QuoteFeed.Subscription subscription = watch.subscription;
            if (subscription != null) {
                subscription.close();
            }
        }
        symbols.clear();
        ConcurrentWebSocketSessionDecorator connection = session;
        session = null;
        if (connection != null && connection.isOpen()) {
            // The close frame may wait behind a blocked write (a client too slow): not on the caller's thread.
            executor.execute(() -> {
                try {
                    connection.getDelegate().close(status);
                } catch (IOException e) {
                    log.debug("Stream {}: closing failed: {}", id, e.getMessage());
                }
            });
        }
    }
}
