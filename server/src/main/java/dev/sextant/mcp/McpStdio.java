package dev.sextant.mcp;

import dev.sextant.SextantApplication;
import dev.sextant.mcp.internal.StdioRelay;
import dev.sextant.platform.ControlSocket;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./sextant mcp}: Sextant as an MCP server on standard input and output, for Claude Desktop
 * and other assistants that start their servers as processes. It relays each message to the
 * Streamable HTTP endpoint with the account's API key ({@code SEXTANT_API_KEY}), so stdio gets
 * exactly what HTTP gets: the same authentication, scopes, budgets and audit. The endpoint is
 * {@code SEXTANT_MCP_URL} when set; else the server running on the data directory
 * ({@code SEXTANT_DATA_DIR}, default {@code ./data}), found through its control socket; else, with
 * no server running (the embedded database is then free), this process starts the server itself,
 * listening on loopback only, and relays to it.
 *
 * <p>Standard output carries the protocol and nothing else: everything else, logs included, goes
 * to standard error.
 */
public final class McpStdio {

    private McpStdio() {}

    public static void main(String[] args) {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        // Whatever prints to System.out from here on (a logger, a library) lands on stderr.
        System.setOut(System.err);
        Map<String, String> env = System.getenv();
        String key = env.getOrDefault("SEXTANT_API_KEY", "").strip();
        if (key.isEmpty()) {
            System.err.println("sextant mcp: set SEXTANT_API_KEY to an API key of the account to act as "
                    + "(create one in Settings > API keys, or POST /api/v1/me/api-keys)");
            System.exit(2);
        }
        URI endpoint;
        try {
            endpoint = endpoint(env, args);
        } catch (RuntimeException failed) {
            System.err.println("sextant mcp: could not reach or start the server: " + failed.getMessage());
            System.exit(3);
            return;
        }
        System.err.println("sextant mcp: relaying stdio to " + endpoint);
        int code = new StdioRelay(endpoint, key, System.in, protocol).run();
        System.exit(code);
    }

    private static URI endpoint(Map<String, String> env, String[] args) {
        String configured = env.getOrDefault("SEXTANT_MCP_URL", "").strip();
        if (!configured.isEmpty()) {
            return URI.create(configured);
        }
        Path dataDir = Path.of(env.getOrDefault("SEXTANT_DATA_DIR", "./data"))
                .toAbsolutePath()
                .normalize();
        Optional<URI> running = runningServer(dataDir);
        if (running.isPresent()) {
            return running.get();
        }
        return startServer(args);
    }

    /** The URL the server running on {@code dataDir} answers, asked over its control socket. */
    static Optional<URI> runningServer(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return Optional.empty();
        }
        return ControlSocket.tryRun(dataDir, "mcp-endpoint", List.of())
                .filter(answer -> answer.exitCode() == 0)
                .map(answer -> URI.create(answer.out().strip()));
    }

    /** The whole server in this process, on a free loopback port: the database is ours while we run. */
    private static URI startServer(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--server.address=127.0.0.1");
        arguments.add("--server.port=0");
        ConfigurableApplicationContext context =
                SpringApplication.run(SextantApplication.class, arguments.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }
}
