package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of provider contract tests: a WireMock server on a loopback port that replays each
 * provider's real answer formats (fixtures in {@code src/test/resources/providers}), so no test
 * touches the network.
 */
abstract class ProviderStubTest {

    /** The same fixed moment as the server tests: Wednesday 2025-06-11, 15:00 UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-11T15:00:00Z"), ZoneOffset.UTC);

    static WireMockServer stub;

    @BeforeAll
    static void startStub() {
        stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.stop();
    }

    @BeforeEach
    void resetStub() {
        stub.resetAll();
    }

    /** Generous: the suite shares two cores, and a loopback answer must not time out under that load. */
    static ProviderHttp http() {
        return http(Duration.ofSeconds(10));
    }

    static ProviderHttp http(Duration timeout) {
        return new ProviderHttp(HttpClient.newHttpClient(), JsonMapper.builder().build(), timeout, "Sextant-test");
    }

    static URI base() {
        return URI.create(stub.baseUrl());
    }

    static String fixture(String name) {
        try (InputStream in = ProviderStubTest.class.getResourceAsStream("/providers/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
