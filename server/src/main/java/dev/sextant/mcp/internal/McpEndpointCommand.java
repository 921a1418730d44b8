package dev.sextant.mcp.internal;

import dev.sextant.platform.CommandLine;
import dev.sextant.platform.OneShotCommand;
import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code mcp-endpoint}: the running server's MCP URL on this machine, asked over the data
 * directory's control socket by {@code ./sextant mcp} to find where to relay. Answers only in the
 * serving process (a command process has no web server).
 */
@Component
class McpEndpointCommand extends OneShotCommand {

    static final String NAME = "mcp-endpoint";

    private final Environment environment;
    private volatile int port = -1;

    McpEndpointCommand(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int execute(List<String> arguments, PrintStream out) {
        if (port < 0) {
            throw new CommandLine.Failure(
                    CommandLine.Exit.COULD_NOT_RUN, "no server is running on this data directory");
        }
        String address = environment.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        out.println(scheme + "://" + host + ":" + port + McpConfiguration.PATH);
        return CommandLine.Exit.OK.code();
    }
}
