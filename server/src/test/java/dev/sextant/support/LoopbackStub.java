package dev.sextant.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** A WireMock provider stub on 127.0.0.1 at a free port, started: tests never reach the network. */
public final class LoopbackStub {

    private LoopbackStub() {}

    public static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
