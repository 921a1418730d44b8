package dev.sextant.tools.internal;

import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.SearchHit;
import dev.sextant.platform.Scope;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tools over the market-data face: instruments found by name, quotes. */
@Configuration(proxyBeanMethods = false)
class MarketDataTools {

    @Bean
    ToolDefinition searchSymbols(MarketDataService marketData) {
        Tool tool = new Tool(
                "search_symbols",
                "Search symbols",
                "Find instruments by symbol or company name. Returns up to 'limit' matches, best first "
                        + "(exact symbol, then symbols starting with the text, then names containing it). "
                        + "Use it to turn a company name into the symbol the other tools take.",
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of(
                                "query",
                                        Map.of(
                                                "type",
                                                "string",
                                                "minLength",
                                                1,
                                                "maxLength",
                                                100,
                                                "description",
                                                "A symbol or part of a company name, e.g. 'apple'"),
                                "limit", Map.of("type", "integer", "minimum", 1, "maximum", 50, "default", 10)),
                        "required",
                        List.of("query"),
                        "additionalProperties",
                        false),
                Map.of(
                        "type", "object",
                        "properties", Map.of("matches", Map.of("type", "array")),
                        "required", List.of("matches")),
                Tool.Annotations.READ_OPEN_WORLD,
                Scope.MARKET_DATA_READ);
        return new ToolDefinition(tool, (caller, args) -> {
            List<SearchHit> hits = marketData.search(caller, args.text("query"), args.integer("limit", 10));
            List<Map<String, Object>> matches = hits.stream()
                    .map(hit -> Map.<String, Object>of(
                            "symbol", hit.instrument().symbol(),
                            "name", hit.instrument().name(),
                            "providers", hit.providers()))
                    .toList();
            StringBuilder text = new StringBuilder("symbol | name\n");
            hits.forEach(hit -> text.append(hit.instrument().symbol())
                    .append(" | ")
                    .append(hit.instrument().name())
                    .append('\n'));
            return new ToolResult.Success(Map.of("matches", matches), text.toString());
        });
    }

    @Bean
    ToolDefinition getQuote(MarketDataService marketData) {
        Tool tool = new Tool(
                "get_quote",
                "Get quote",
                "The latest price of one instrument, its change since the previous close, when the price "
                        + "was current and which provider gave it ('demo' true means synthetic demo data, "
                        + "not a market fact).",
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("symbol", Map.of("type", "string", "description", "e.g. AAPL")),
                        "required",
                        List.of("symbol"),
                        "additionalProperties",
                        false),
                Map.of(
                        "type", "object",
                        "properties",
                                Map.of(
                                        "symbol", Map.of("type", "string"),
                                        "price", Map.of("type", "number"),
                                        "provider", Map.of("type", "string"),
                                        "demo", Map.of("type", "boolean")),
                        "required", List.of("symbol", "price", "provider", "demo")),
                Tool.Annotations.READ_OPEN_WORLD,
                Scope.MARKET_DATA_READ);
        return new ToolDefinition(tool, (caller, args) -> {
            Quote quote = marketData.quote(caller, args.text("symbol"));
            Map<String, Object> structured = new LinkedHashMap<>();
            structured.put("symbol", quote.symbol());
            structured.put("price", quote.price());
            structured.put("change", quote.change());
            structured.put("changePercent", quote.changePercent());
            structured.put("currency", quote.currency());
            structured.put("time", quote.time().toString());
            structured.put("provider", quote.provider());
            structured.put("demo", quote.demo());
            structured.put("stale", quote.stale());
            String text = "%s %s %s (%+.2f%%) at %s, %s%s"
                    .formatted(
                            quote.symbol(),
                            quote.price(),
                            quote.currency(),
                            quote.changePercent(),
                            quote.time(),
                            quote.provider(),
                            quote.demo() ? ", DEMO data" : "");
            return new ToolResult.Success(structured, text);
        });
    }
}
