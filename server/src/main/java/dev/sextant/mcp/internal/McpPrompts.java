package dev.sextant.mcp.internal;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Ready-made tasks an assistant offers its user, each a message that says which tools to use. */
final class McpPrompts {

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.\\-^=:_]{1,32}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    List<SyncPromptSpecification> prompts() {
        return List.of(
                new SyncPromptSpecification(
                        new McpSchema.Prompt(
                                "screen_oversold_large_caps",
                                "Screen for oversold large caps",
                                "Find large companies whose RSI says they are oversold, with their risk.",
                                List.of(
                                        new McpSchema.PromptArgument(
                                                "universe",
                                                "Universe",
                                                "The universe to screen (a built-in universe or one of your watchlists), default sp500",
                                                false),
                                        new McpSchema.PromptArgument(
                                                "rsi_below", "RSI below", "The RSI(14) threshold, default 30", false))),
                        (exchange, request) -> {
                            Map<String, Object> args = arguments(request.arguments());
                            String universe = argument(args, "universe", "sp500", NAME);
                            String threshold = argument(args, "rsi_below", "30", Pattern.compile("\\d{1,2}(\\.\\d+)?"));
                            return message(
                                    "Screen for oversold large caps",
                                    "Use Sextant's tools to screen the universe '" + universe
                                            + "' for large caps that look oversold. Run the scan tool (or run_query) "
                                            + "for members with RSI(14) below " + threshold
                                            + "; read sextant://docs/query-language if you need the syntax. "
                                            + "For the five most oversold, call risk_metrics (volatility, max drawdown) "
                                            + "and get_quote. Answer with one compact table: symbol, name, RSI, price, "
                                            + "1-year volatility, max drawdown. Say which provider the data came from and "
                                            + "whether it is demo data.");
                        }),
                new SyncPromptSpecification(
                        new McpSchema.Prompt(
                                "compare_risk",
                                "Compare two symbols' risk",
                                "Compare the risk of two instruments: volatility, drawdown, VaR, Sharpe, correlation.",
                                List.of(
                                        new McpSchema.PromptArgument("first", "First symbol", "e.g. AAPL", true),
                                        new McpSchema.PromptArgument("second", "Second symbol", "e.g. MSFT", true))),
                        (exchange, request) -> {
                            Map<String, Object> args = arguments(request.arguments());
                            String first = argument(args, "first", null, SYMBOL);
                            String second = argument(args, "second", null, SYMBOL);
                            return message(
                                    "Compare " + first + " and " + second + " risk",
                                    "Compare the risk of " + first + " and " + second
                                            + " with Sextant's tools. Call risk_metrics for each (annualised volatility, "
                                            + "Sharpe, Sortino, max drawdown with its dates, historical VaR and CVaR at "
                                            + "95%), and correlation for the pair over the same period. Answer with a "
                                            + "side-by-side table, one line on which is riskier and why, and the data's "
                                            + "provider and demo flag.");
                        }));
    }

    private static Map<String, Object> arguments(Map<String, Object> given) {
        return given == null ? Map.of() : given;
    }

    /** An argument checked against its shape, so that nothing but a symbol or a number reaches the prompt text. */
    private static String argument(Map<String, Object> args, String name, String fallback, Pattern shape) {
        Object given = args.get(name);
        if (given == null || given.toString().isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw invalid("The argument '" + name + "' is required.");
        }
        String value = given.toString().strip();
        if (!shape.matcher(value).matches()) {
            throw invalid("The argument '" + name + "' is not valid here.");
        }
        return value;
    }

    private static McpError invalid(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                .message(message)
                .build();
    }

    private static McpSchema.GetPromptResult message(String description, String text) {
        return new McpSchema.GetPromptResult(
                description,
                List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }
}
