package dev.sextant.streams.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The stream's limits and timings ({@code sextant.streams.*}); docs/API.md states each limit and the
 * code of its refusal.
 *
 * @param maxSymbolsPerConnection distinct symbols one connection may watch at once
 * @param maxConnectionsPerUser open connections per account, whatever their credentials
 * @param maxMessagesPerSecond messages a client may send per second (a burst of as many)
 * @param maxMessageBytes the largest client message handled; larger ones are refused with an error
 * @param heartbeat how often a connection gets a heartbeat message and a WebSocket ping
 * @param credentialRecheck how often each connection's credential is checked again
 * @param slowClientLimit how long one message may take to leave before the client is closed as too slow
 * @param resumeWindow how long a dropped connection's stream is kept for a {@code resume}
 * @param resumeBuffer how many numbered messages each stream keeps for a {@code resume} (the last
 *     ones sent before a drop; while detached, updates wait conflated instead, one per watch). Memory:
 *     about 350 bytes a message per connection
 * @param providerPollInterval the shortest interval at which a real provider's symbol is polled
 *     (through the quote cache, which bounds the provider calls to its freshness)
 */
@ConfigurationProperties("sextant.streams")
record StreamProperties(
        @DefaultValue("50") int maxSymbolsPerConnection,
        @DefaultValue("10") int maxConnectionsPerUser,
        @DefaultValue("20") int maxMessagesPerSecond,
        @DefaultValue("8192") int maxMessageBytes,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("10s") Duration credentialRecheck,
        @DefaultValue("10s") Duration slowClientLimit,
        @DefaultValue("60s") Duration resumeWindow,
        @DefaultValue("128") int resumeBuffer,
        @DefaultValue("1s") Duration providerPollInterval) {}
