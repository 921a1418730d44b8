package dev.sextant.tools.internal;

import static dev.sextant.tools.internal.Schemas.arrayOf;
import static dev.sextant.tools.internal.Schemas.object;
import static dev.sextant.tools.internal.Schemas.properties;
import static dev.sextant.tools.internal.Schemas.typed;

import dev.sextant.platform.DomainException;
import dev.sextant.platform.Refusal;
import dev.sextant.platform.Scope;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolResult;
import dev.sextant.watchlists.Watchlists;
import dev.sextant.watchlists.Watchlists.Watchlist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The caller's watchlists: listed, read by name, and added to. */
@Configuration(proxyBeanMethods = false)
class WatchlistTools {

    /** The code HTTP answers for a watchlist that is not the caller's. */
    private static final Refusal NOT_FOUND = Refusal.of("not-found", Refusal.Kind.NOT_FOUND, "Not found");

    static final Map<String, Object> WATCHLIST_SCHEMA = object(
            properties(
                    "id", typed("string"),
                    "name", typed("string"),
                    "symbols", arrayOf(typed("string")),
                    "createdAt", typed("string"),
                    "updatedAt", typed("string")),
            "id",
            "name",
            "symbols",
            "createdAt",
            "updatedAt");

    @Bean
    ToolDefinition listWatchlists(Watchlists watchlists) {
        Tool tool = new Tool(
                "list_watchlists",
                "List watchlists",
                "Your watchlists (named, ordered lists of symbols), by name, each with its symbols. Scan one with"
                        + " scan (watchlist=<name>) or quote it with get_quotes.",
                object(properties()),
                object(properties("watchlists", arrayOf(WATCHLIST_SCHEMA)), "watchlists"),
                Tool.Annotations.READ_LOCAL,
                Scope.MARKET_DATA_READ);
        return new ToolDefinition(tool, (caller, args) -> {
                    List<Watchlist> owned = watchlists.owned(caller);
                    StringBuilder text = new StringBuilder(owned.size() + " watchlist(s); name|symbols\n");
                    owned.forEach(list -> text.append(list.name())
                            .append('|')
                            .append(String.join(",", list.symbols()))
                            .append('\n'));
                    return new ToolResult.Success(
                            Map.of(
                                    "watchlists",
                                    owned.stream().map(WatchlistTools::json).toList()),
                            text.toString());
                })
                .withExample(Map.of());
    }

    @Bean
    ToolDefinition getWatchlist(Watchlists watchlists) {
        Tool tool = new Tool(
                "get_watchlist",
                "Get watchlist",
                "One of your watchlists by name (exact, or else ignoring case): its symbols in your order.",
                object(properties("name", Schemas.text(1, 100, "The watchlist's name, e.g. tech")), "name"),
                WATCHLIST_SCHEMA,
                Tool.Annotations.READ_LOCAL,
                Scope.MARKET_DATA_READ);
        return new ToolDefinition(tool, (caller, args) -> {
                    String name = args.text("name").strip();
                    List<Watchlist> owned = watchlists.owned(caller);
                    Watchlist list = owned.stream()
                            .filter(w -> w.name().equals(name))
                            .findFirst()
                            .or(() -> owned.stream()
                                    .filter(w -> w.name().equalsIgnoreCase(name))
                                    .findFirst())
                            .orElseThrow(() -> new DomainException(
                                    NOT_FOUND,
                                    "You have no watchlist named '" + name + "'; list_watchlists shows yours.",
                                    Map.of("name", name)));
                    return new ToolResult.Success(
                            json(list),
                            list.name() + ": " + String.join(",", list.symbols()) + " ("
                                    + list.symbols().size() + " symbols)");
                })
                .withExample(Schemas.map("name", "tech"));
    }

    @Bean
    ToolDefinition addToWatchlist(Watchlists watchlists) {
        Tool tool = new Tool(
                "add_to_watchlist",
                "Add to watchlist",
                "Adds symbols to one of your watchlists (creating it unless create is false); symbols already on it"
                        + " stay where they are, so calling again changes nothing more. Every symbol must be one"
                        + " Sextant serves (search_symbols finds them); an unknown one refuses the whole call."
                        + " Answers the list as it now is, what was added and what was already there.",
                object(
                        properties(
                                "name", Schemas.text(1, 100, "The watchlist's name, e.g. tech"),
                                "symbols",
                                        Schemas.array(Schemas.symbol("A symbol"), 1, 500, "e.g. [\"AAPL\",\"MSFT\"]"),
                                "create", Schemas.flag(true, "Create the watchlist when you have none of that name")),
                        "name",
                        "symbols"),
                object(
                        properties(
                                "watchlist", WATCHLIST_SCHEMA,
                                "added", arrayOf(typed("string")),
                                "alreadyListed", arrayOf(typed("string")),
                                "created", typed("boolean")),
                        "watchlist",
                        "added",
                        "alreadyListed",
                        "created"),
                new Tool.Annotations(false, false, true, false),
                Scope.MARKET_DATA_WRITE);
        return new ToolDefinition(tool, (caller, args) -> {
                    Watchlists.Added added =
                            watchlists.add(caller, args.text("name"), args.texts("symbols"), args.flag("create", true));
                    Map<String, Object> structured = new LinkedHashMap<>();
                    structured.put("watchlist", json(added.watchlist()));
                    structured.put("added", added.added());
                    structured.put("alreadyListed", added.alreadyListed());
                    structured.put("created", added.created());
                    String text = (added.created() ? "Created " : "Updated ")
                            + added.watchlist().name() + ": added "
                            + (added.added().isEmpty() ? "nothing" : String.join(",", added.added()))
                            + (added.alreadyListed().isEmpty()
                                    ? ""
                                    : "; already listed " + String.join(",", added.alreadyListed()))
                            + ". Now: " + String.join(",", added.watchlist().symbols());
                    return new ToolResult.Success(structured, text);
                })
                .withExample(Schemas.map("name", "tech", "symbols", List.of("AAPL", "MSFT")));
    }

    private static Map<String, Object> json(Watchlist list) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", list.id().toString());
        json.put("name", list.name());
        json.put("symbols", list.symbols());
        json.put("createdAt", list.createdAt().toString());
        json.put("updatedAt", list.updatedAt().toString());
        return json;
    }
}
