package dev.sextant.streams.internal;

import dev.sextant.identity.StreamCredentials;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import dev.sextant.platform.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/stream}: the handshake authenticates its one credential through identity's
 * {@link StreamCredentials} (refusing with problem+json: 401 without a valid one, 403 without the
 * scope {@code marketdata:read}, 429 when the account has its connections' worth open). Any origin
 * may connect: the stream never relies on ambient credentials (no cookies), so a page elsewhere
 * gains nothing it did not already hold.
 */
@Configuration(proxyBeanMethods = false)
// The operator's commands run without a web server, and a WebSocket container needs one.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocket
class StreamConfiguration implements WebSocketConfigurer {

    static final String PATH = "/ws/stream";
    static final ProblemType TOO_MANY_CONNECTIONS =
            ProblemType.of("too-many-stream-connections", 429, "Too many stream connections");

    private final StreamHandler handler;
    private final StreamCredentials credentials;
    private final ClientStreams streams;
    private final ProblemWriter problems;
    private final StreamProperties properties;

    StreamConfiguration(
            ClientStreams streams,
            SymbolFeeds feeds,
            MarketDataService market,
            StreamProperties properties,
            Clock clock,
            JsonMapper json,
            StreamCredentials credentials,
            ProblemWriter problems) {
        this.handler = new StreamHandler(streams, feeds, market, properties, clock, json);
        this.credentials = credentials;
        this.streams = streams;
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).addInterceptors(new Authentication()).setAllowedOriginPatterns("*");
    }

    /**
     * Tomcat's message buffers, allocated for every connection (so they count in thousands): text
     * twice the largest message the protocol handles (16 Ki characters at the least), so that one a
     * little too large gets the protocol's own {@code message-too-large} error instead of Tomcat's
     * 1009 close; binary small, as the protocol has no binary messages.
     */
    @Bean
    ServletServerContainerFactoryBean streamWebSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(Math.max(16 * 1024, properties.maxMessageBytes() * 2));
        container.setMaxBinaryMessageBufferSize(1024);
        return container;
    }

    private final class Authentication implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler wsHandler,
                Map<String, Object> attributes)
                throws java.io.IOException {
            if (!(request instanceof ServletServerHttpRequest servletRequest)
                    || !(response instanceof ServletServerHttpResponse servletResponse)) {
                return false;
            }
            HttpServletRequest http = servletRequest.getServletRequest();
            HttpServletResponse out = servletResponse.getServletResponse();
            StreamCredentials.Outcome outcome = credentials.authenticate(
                    http.getHeader(HttpHeaders.AUTHORIZATION), http.getHeader("X-API-Key"), ticket(http));
            switch (outcome) {
                case StreamCredentials.Refused refused -> {
                    out.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    problems.write(http, out, ProblemType.UNAUTHENTICATED, refused.detail());
                    return false;
                }
                case StreamCredentials.Granted granted -> {
                    if (!granted.grant().caller().holds(Scope.MARKET_DATA_READ)) {
                        problems.write(
                                http,
                                out,
                                ProblemType.FORBIDDEN,
                                "A stream needs the scope " + Scope.MARKET_DATA_READ.wireName() + ".");
                        return false;
                    }
                    if (!streams.hasRoomFor(granted.grant().caller().user())) {
                        problems.write(
                                http,
                                out,
                                TOO_MANY_CONNECTIONS,
                                "An account may have at most " + properties.maxConnectionsPerUser()
                                        + " stream connections open; close one first.");
                        return false;
                    }
                    attributes.put(StreamHandler.GRANT, granted.grant());
                    return true;
                }
            }
        }

        @Override
        public void afterHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler wsHandler,
                @Nullable Exception exception) {}

        private static @Nullable String ticket(HttpServletRequest http) {
            return http.getParameter("ticket");
        }
    }
}
