package dev.sextant.platform.internal;

import dev.sextant.platform.CommandLine;
import dev.sextant.platform.ControlSocket;
import dev.sextant.platform.DataDirectory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Serves the {@link ControlSocket} while the server runs: each connection runs one command here,
 * as the process that holds the database. Only the user who owns the socket may connect (0600
 * in a 0700 directory, and the peer's user id checked on every connection).
 */
@Component
@ConditionalOnProperty(name = CommandLine.COMMAND, havingValue = "serve", matchIfMissing = true)
class ControlSocketServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ControlSocketServer.class);

    private final Path socket;
    private final CommandRunner.CommandDispatcher dispatcher;
    private volatile ServerSocketChannel channel;
    private volatile UserPrincipal owner;

    ControlSocketServer(DataDirectory dataDirectory, CommandRunner.CommandDispatcher dispatcher) {
        this.socket = dataDirectory.resolve(ControlSocket.FILE);
        this.dispatcher = dispatcher;
    }

    @Override
    public void start() {
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            owner = Files.getOwner(socket);
            channel = server;
            Thread.ofPlatform().name("sextant-control").daemon().start(this::accept);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("No control socket at {} ({}): commands need the server stopped", socket, e.getMessage());
        }
    }

    private void accept() {
        ServerSocketChannel server = channel;
        while (server != null && server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("sextant-control-command").start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!peer.user().equals(owner)) {
                log.warn(
                        "Control socket: refused a connection from user {}",
                        peer.user().getName());
                return;
            }
            ControlSocket.Request request =
                    ControlSocket.readRequest(new DataInputStream(Channels.newInputStream(client)));
            ControlSocket.Capture out = new ControlSocket.Capture();
            ControlSocket.Capture err = new ControlSocket.Capture();
            int exit = dispatcher.dispatch(request.command(), request.arguments(), out.stream, err.stream);
            log.info("Control socket: ran command {} (exit {})", request.command(), exit);
            ControlSocket.writeAnswer(
                    new DataOutputStream(Channels.newOutputStream(client)), exit, out.text(), err.text());
        } catch (IOException | RuntimeException e) {
            log.warn("Control socket: a command connection failed ({})", e.getMessage());
        }
    }

    @Override
    public void stop() {
        ServerSocketChannel server = channel;
        channel = null;
        if (server != null) {
            try {
                server.close();
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                log.warn("Could not remove the control socket {}", socket);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return channel != null;
    }
}
