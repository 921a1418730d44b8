package dev.sextant.streams.internal;

import dev.sextant.identity.StreamCredentials;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * Every stream of this node, and their housekeeping every {@value #TICK_MS} ms: throttled updates
 * whose time came (an update due when it arrives leaves at once, without waiting for this), each
 * stream's heartbeat and ping on its own schedule, clients too slow to read (closed with {@link #SLOW_CONSUMER}),
 * connections whose credential no longer stands (closed with {@link #CREDENTIAL_REVOKED}), silent
 * ones (no pong: {@link #NO_PONG}), and dropped streams whose resume window passed.
 */
@Component
class ClientStreams {

    static final CloseStatus SLOW_CONSUMER = new CloseStatus(4008, "slow-consumer");
    static final CloseStatus CREDENTIAL_REVOKED = new CloseStatus(4001, "credential-revoked");
    static final CloseStatus NO_PONG = new CloseStatus(4002, "no-pong");
    static final CloseStatus TOO_MANY_CONNECTIONS = new CloseStatus(4029, "too-many-connections");
    private static final long TICK_MS = 50;
    private static final Logger log = LoggerFactory.getLogger(ClientStreams.class);

    private final StreamProperties properties;
    private final StreamCredentials credentials;
    private final Clock clock;
    private final Map<String, ClientStream> byId = new ConcurrentHashMap<>();
    private final Map<String, ClientStream> bySession = new ConcurrentHashMap<>();
    private final Map<UserId, AtomicInteger> openPerUser = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("stream-housekeeping").daemon().factory());
    private final MeterRegistry meters;

    ClientStreams(StreamProperties properties, StreamCredentials credentials, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.credentials = credentials;
        this.clock = clock;
        this.meters = meters;
        meters.gauge("sextant.stream.connections", bySession, Map::size);
        meters.gauge("sextant.stream.streams", byId, Map::size);
        housekeeping.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        housekeeping.shutdownNow();
        byId.values().forEach(stream -> stream.end(CloseStatus.GOING_AWAY));
        executor.shutdown();
    }

    /** Whether {@code user} may open one more connection now. */
    boolean hasRoomFor(UserId user) {
        AtomicInteger open = openPerUser.get(user);
        return open == null || open.get() < properties.maxConnectionsPerUser();
    }

    /** A new connection's stream, or empty (the connection closed) when its account has too many open. */
    Optional<ClientStream> open(WebSocketSession session, StreamCredentials.Grant grant) {
        UserId user = grant.caller().user();
        AtomicInteger open = openPerUser.computeIfAbsent(user, key -> new AtomicInteger());
        if (open.incrementAndGet() > properties.maxConnectionsPerUser()) {
            open.decrementAndGet();
            close(session, TOO_MANY_CONNECTIONS);
            return Optional.empty();
        }
        ClientStream stream =
                new ClientStream(UUID.randomUUID().toString(), grant, executor, properties.resumeBuffer());
        stream.attach(decorate(session));
        long now = ClientStream.now();
        stream.nextHeartbeatAt = now + properties.heartbeat().toMillis();
        stream.nextRecheckAt = now + properties.credentialRecheck().toMillis();
        byId.put(stream.id, stream);
        bySession.put(session.getId(), stream);
        return Optional.of(stream);
    }

    @Nullable
    ClientStream of(WebSocketSession session) {
        return bySession.get(session.getId());
    }

    /**
     * Moves {@code session} from its fresh stream to the dropped stream {@code id} of the same
     * account, replaying what followed {@code lastSeq}. Empty when there is no such stream to resume.
     */
    Optional<ClientStream> resume(WebSocketSession session, ClientStream fresh, String id, long lastSeq) {
        ClientStream dropped = byId.get(id);
        if (dropped == null || dropped.ended() || dropped.attached() || !dropped.owner.equals(fresh.owner)) {
            return Optional.empty();
        }
        ConcurrentWebSocketSessionDecorator connection = fresh.session();
        if (connection == null || !dropped.resume(connection, lastSeq)) {
            return Optional.empty();
        }
        // The connection now belongs to the resumed stream; the fresh one never had subscriptions that matter.
        bySession.put(session.getId(), dropped);
        byId.remove(fresh.id);
        fresh.detach(session);
        fresh.end(CloseStatus.NORMAL);
        return Optional.of(dropped);
    }

    /** The connection closed: its stream waits for a resume, unless it was ended. */
    void closed(WebSocketSession session) {
        ClientStream stream = bySession.remove(session.getId());
        if (stream == null) {
            return;
        }
        openPerUser.computeIfPresent(stream.owner, (user, open) -> open.decrementAndGet() <= 0 ? null : open);
        stream.detach(session);
        if (stream.ended()) {
            byId.remove(stream.id);
        }
    }

    /**
     * The user's streams that have not ended: connected ones and those waiting for a resume, which
     * number what they are given into their resume buffer.
     */
    java.util.List<ClientStream> ofUser(UserId user) {
        return byId.values().stream()
                .filter(stream -> stream.owner.equals(user) && !stream.ended())
                .toList();
    }

    int openCount() {
        return bySession.size();
    }

    private ConcurrentWebSocketSessionDecorator decorate(WebSocketSession session) {
        // Limits beyond which the decorator itself gives up: a backstop behind the slow-client check,
        // as only one update at a time is ever written (the others wait, conflated, in the stream).
        return new ConcurrentWebSocketSessionDecorator(
                session,
                (int) properties.slowClientLimit().toMillis() * 2,
                1024 * 1024,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
    }

    private void tick() {
        try {
            long now = ClientStream.now();
            for (ClientStream stream : byId.values()) {
                housekeep(stream, now);
            }
        } catch (RuntimeException e) {
            log.warn("Stream housekeeping failed; it goes on at the next tick", e);
        }
    }

    private void housekeep(ClientStream stream, long now) {
        if (stream.ended()) {
            byId.remove(stream.id);
            return;
        }
        ConcurrentWebSocketSessionDecorator connection = stream.session();
        if (connection == null) {
            if (stream.detachedAt >= 0
                    && now - stream.detachedAt > properties.resumeWindow().toMillis()) {
                stream.end(CloseStatus.NORMAL);
                byId.remove(stream.id);
            }
            return;
        }
        if (connection.getTimeSinceSendStarted() > properties.slowClientLimit().toMillis()) {
            log.info("Stream {} of {}: closed, the client reads too slowly", stream.id, stream.owner);
            end(stream, SLOW_CONSUMER);
            return;
        }
        if (stream.hasDue()) {
            stream.signal();
        }
        if (now >= stream.nextHeartbeatAt) {
            stream.nextHeartbeatAt = now + properties.heartbeat().toMillis();
            // A client whose one message is still being written cannot answer: the slow-client check judges it.
            if (now - stream.lastPongAt > 3 * properties.heartbeat().toMillis()
                    && connection.getTimeSinceSendStarted() == 0) {
                end(stream, NO_PONG);
                return;
            }
            // Written on a thread of its own: this one thread serves every stream and must not wait on a socket.
            executor.execute(() -> {
                stream.sendNow("{\"type\":\"heartbeat\",\"time\":\"" + clock.instant() + "\",\"lastSeq\":"
                        + stream.lastSeq() + "}");
                ping(connection);
            });
        }
        if (now >= stream.nextRecheckAt) {
            stream.nextRecheckAt = now + properties.credentialRecheck().toMillis();
            executor.execute(() -> recheck(stream));
        }
    }

    /** Ends a stream for a reason of the server's, counted by reason ({@code sextant.stream.closed}). */
    private void end(ClientStream stream, CloseStatus status) {
        meters.counter("sextant.stream.closed", "reason", status.getReason()).increment();
        stream.end(status);
    }

    private void ping(ConcurrentWebSocketSessionDecorator connection) {
        try {
            if (connection.isOpen()) {
                connection.sendMessage(new PingMessage());
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("A stream ping failed: {}", e.getMessage());
        }
    }

    private void recheck(ClientStream stream) {
        Optional<Caller> now = credentials.recheck(stream.grant);
        if (now.isEmpty() || !now.get().holds(Scope.MARKET_DATA_READ)) {
            log.info("Stream {} of {}: closed, its credential no longer stands", stream.id, stream.owner);
            end(stream, CREDENTIAL_REVOKED);
            return;
        }
        stream.caller = now.get();
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Closing a stream connection failed: {}", e.getMessage());
        }
    }
}
