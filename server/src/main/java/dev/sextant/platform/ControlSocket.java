package dev.sextant.platform;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running server's control socket: a Unix domain socket {@code control.sock} in the data
 * directory, owner-only, through which a command-line process asks the server to run a command in
 * its own process (the embedded database allows one process only). No TCP port, no credentials:
 * the file system's permissions and the peer's user id decide who may connect.
 * The exchange: the client sends the command's name; the server answers the exit code, then what
 * the command wrote to standard output and to standard error.
 * Both ends of the exchange are here: the client ({@link CommandLine}) is in the platform's face and
 * the server in {@code internal.ControlSocketServer}, so the protocol sits with the face.
 */
public final class ControlSocket {

    public static final String FILE = "control.sock";
    private static final int MAX_TEXT = 1 << 20;
    private static final int MAX_ARGUMENTS = 16;

    /** What the server answered. */
    public record Answer(int exitCode, String out, String err) {}

    private ControlSocket() {}

    /** Runs the command in the server behind the socket; empty when no server listens there. */
    public static Optional<Answer> tryRun(Path dataDir, String command, List<String> arguments) {
        Path socket = dataDir.resolve(FILE);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (ConnectException stale) {
                return Optional.empty(); // left behind by a server that was killed
            }
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            writeText(out, command);
            out.writeInt(arguments.size());
            for (String argument : arguments) {
                writeText(out, argument);
            }
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            int exit = in.readInt();
            return Optional.of(new Answer(exit, readText(in), readText(in)));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the server on " + dataDir + " did not finish the command (" + e.getMessage() + ")");
        }
    }

    /** A command and its arguments as a client sent them. */
    public record Request(String command, List<String> arguments) {}

    public static Request readRequest(DataInputStream in) throws IOException {
        String command = readText(in);
        int count = in.readInt();
        if (count < 0 || count > MAX_ARGUMENTS) {
            throw new IOException("malformed control message");
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arguments.add(readText(in));
        }
        return new Request(command, arguments);
    }

    public static void writeAnswer(DataOutputStream out, int exitCode, String stdout, String stderr)
            throws IOException {
        out.writeInt(exitCode);
        writeText(out, stdout);
        writeText(out, stderr);
        out.flush();
    }

    /** A stream that collects what a command prints, to be sent back in one answer. */
    public static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        public final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        public String text() {
            stream.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT) {
            throw new IOException("malformed control message");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
