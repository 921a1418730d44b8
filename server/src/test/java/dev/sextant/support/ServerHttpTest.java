package dev.sextant.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of tests that talk to the shared {@link ServerTest} server over real HTTP. */
@ServerTest
public abstract class ServerHttpTest {

    @LocalServerPort
    protected int port;

    protected HttpTestClient http;

    @BeforeEach
    void connect() {
        http = new HttpTestClient(port);
    }
}
