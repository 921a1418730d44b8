package dev.sextant.tools.internal;

import static dev.sextant.tools.internal.Schemas.object;
import static dev.sextant.tools.internal.Schemas.properties;
import static dev.sextant.tools.internal.Schemas.typed;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarImportService;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * {@code import_bars}: bars given inline as rows, turned into the CSV the HTTP import reads and
 * stored by the same import face (parser, limits, ownership, audit).
 */
@Configuration(proxyBeanMethods = false)
class ImportTools {

    static final int MAX_ROWS = 20_000;

    @Bean
    ToolDefinition importBars(BarImportService imports, @Value("${sextant.http.max-body-size:1MB}") DataSize maxBody) {
        Map<String, Object> row = Schemas.map(
                "type",
                "array",
                "prefixItems",
                List.of(
                        Schemas.map("type", List.of("string", "integer"), "description", "date or time"),
                        typed("number"),
                        typed("number"),
                        typed("number"),
                        typed("number"),
                        typed("number")),
                "minItems",
                5,
                "maxItems",
                6,
                "description",
                "[time, open, high, low, close, volume?]");
        Tool tool = new Tool(
                "import_bars",
                "Import bars",
                "Stores OHLCV bars you provide for a symbol of your own (e.g. a private fund, a series from a file),"
                        + " then served by every other tool like any symbol. rows: [time, open, high, low, close,"
                        + " volume?], time an ISO date or date-time or epoch seconds, oldest or newest first. All rows"
                        + " or none are stored; a bad row is refused with its position; bars from the future are"
                        + " refused. The symbol becomes yours: a symbol another source serves (demo, a provider) is"
                        + " refused, so use a suffix such as MYFUND.IMP. Importing again restates bars of the same"
                        + " times. Needs the analyst role.",
                object(
                        properties(
                                "symbol", Schemas.symbol("The symbol to store them under, e.g. MYFUND.IMP"),
                                "name", Schemas.text(1, 200, "The instrument's display name"),
                                "interval",
                                        Schemas.oneOf(
                                                List.of("1m", "5m", "15m", "30m", "1h", "1d"), "1d", "Bar length"),
                                "currency", Schemas.pattern("^[A-Za-z]{3}$", "Three-letter currency code, e.g. USD"),
                                "assetClass",
                                        Schemas.oneOf(
                                                Arrays.stream(AssetClass.values())
                                                        .map(Enum::name)
                                                        .toList(),
                                                "EQUITY",
                                                "What it is"),
                                "override",
                                        Schemas.flag(
                                                false,
                                                "Administrators only: import over a symbol another account owns"),
                                "rows", Schemas.array(row, 1, MAX_ROWS, "The bars, at most " + MAX_ROWS)),
                        "symbol",
                        "rows"),
                object(
                        properties(
                                "symbol", typed("string"),
                                "interval", typed("string"),
                                "provider", typed("string"),
                                "bars", typed("integer"),
                                "added", typed("integer"),
                                "restated", typed("integer"),
                                "from", typed("string"),
                                "to", typed("string"),
                                "knownAt", typed("string"),
                                "untrusted", object(properties("name", typed("string")), "name")),
                        "symbol",
                        "interval",
                        "provider",
                        "bars",
                        "added",
                        "restated",
                        "from",
                        "to",
                        "knownAt",
                        "untrusted"),
                new Tool.Annotations(false, true, true, false),
                Scope.MARKET_DATA_WRITE);
        return new ToolDefinition(tool, (caller, args) -> {
                    byte[] csv = csv(args.list("rows"));
                    if (csv.length > maxBody.toBytes()) {
                        throw DomainException.invalidParameter(
                                "rows",
                                "The rows make " + csv.length + " bytes, more than an import takes ("
                                        + maxBody.toBytes()
                                        + " bytes, sextant.http.max-body-size); import them in parts.");
                    }
                    BarImportService.ImportResult imported = imports.importBars(
                            caller,
                            new BarImportService.ImportRequest(
                                    args.text("symbol"),
                                    args.optionalText("name"),
                                    args.text("interval", "1d"),
                                    args.text("currency", "USD"),
                                    args.text("assetClass", "EQUITY"),
                                    args.flag("override", false)),
                            csv);
                    Map<String, Object> structured = new LinkedHashMap<>();
                    structured.put("symbol", imported.symbol());
                    structured.put("interval", imported.interval());
                    structured.put("provider", imported.provider());
                    structured.put("bars", imported.bars());
                    structured.put("added", imported.added());
                    structured.put("restated", imported.restated());
                    structured.put("from", imported.from().toString());
                    structured.put("to", imported.to().toString());
                    structured.put("knownAt", imported.knownAt().toString());
                    structured.put("untrusted", Map.of("name", imported.name()));
                    String text =
                            "Imported " + imported.bars() + " " + imported.interval() + " bars for " + imported.symbol()
                                    + " (" + imported.added() + " new, " + imported.restated() + " restated), "
                                    + imported.from()
                                    + " to " + imported.to() + ". Its name:\n"
                                    + Untrusted.fence(List.of(Untrusted.inline(imported.name())));
                    return new ToolResult.Success(structured, text);
                })
                .forRole(Role.ANALYST)
                .withExample(Schemas.map(
                        "symbol",
                        "MYFUND.IMP",
                        "name",
                        "My fund",
                        "rows",
                        List.of(
                                List.of("2024-01-02", 10, 10.5, 9.8, 10.2, 1000),
                                List.of("2024-01-03", 10.2, 10.9, 10.1, 10.8, 1200))));
    }

    /** The rows as the CSV the HTTP import reads; cell values are the schema's numbers and plain times. */
    private static byte[] csv(List<?> rows) {
        StringBuilder csv = new StringBuilder("time,open,high,low,close,volume\n");
        for (Object row : rows) {
            List<?> cells = (List<?>) row;
            for (int i = 0; i < 6; i++) {
                Object cell = i < cells.size() ? cells.get(i) : 0;
                String text = String.valueOf(cell);
                if (text.contains(",") || text.contains("\n") || text.contains("\"")) {
                    // Only a time can be text here; one with a separator is refused by the parser as the bad row it is.
                    text = text.replaceAll("[,\"\\r\\n]", " ");
                }
                csv.append(i == 0 ? "" : ",").append(text);
            }
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
