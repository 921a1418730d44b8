package dev.sextant.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.ServerHttpTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * docs/MCP.md's tool reference is generated from the catalog: this test renders it and checks the
 * document holds exactly that, so a tool cannot go undocumented or be documented wrong. Run it with
 * {@code -Dsextant.writeDocs=true} to write the reference into the document.
 */
class McpToolReferenceTest extends ServerHttpTest {

    private static final String START = "<!-- tools:begin (the tool reference) -->";
    private static final String END = "<!-- tools:end -->";

    @Autowired
    ToolCatalog catalog;

    @Test
    void test_theToolReference_inDocsMcp_isTheCatalogs() throws IOException {
        Path doc =
                Files.exists(Path.of("docs", "MCP.md")) ? Path.of("docs", "MCP.md") : Path.of("..", "docs", "MCP.md");
        String text = Files.readString(doc);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("the tools:begin marker in " + doc).isNotNegative();
        assertThat(end).as("the tools:end marker in " + doc).isGreaterThan(start);
        String rendered = "\n" + reference();
        if (Boolean.getBoolean("sextant.writeDocs")) {
            Files.writeString(doc, text.substring(0, start + START.length()) + rendered + text.substring(end));
            text = Files.readString(doc);
            start = text.indexOf(START);
            end = text.indexOf(END);
        }

        assertThat(text.substring(start + START.length(), end))
                .as("docs/MCP.md's tool reference; regenerate with -Dsextant.writeDocs=true")
                .isEqualTo(rendered);
    }

    private String reference() {
        StringBuilder doc = new StringBuilder();
        doc.append("## Tools\n\n")
                .append("Generated from the tool catalog by `McpToolReferenceTest`. Every tool checks its arguments")
                .append(" against its input schema before it runs (a refusal is `invalid-parameter` naming the")
                .append(" argument), needs the scope shown (refused with `insufficient-scope` before anything")
                .append(
                        " else) and, where its description says so, a role (`forbidden` otherwise), and answers `structuredContent` valid against its output schema plus a compact")
                .append(" text. Answers from market data carry `provenance` (providers, `demo`, `mixed`, `asOf`,")
                .append(" `stale`); text from outside Sextant (names, filing fields) comes only under `untrusted`")
                .append(" and, in the text, between `<untrusted-data>` fences. Long answers are paged: `limit`")
                .append(" (hard cap 500), `total`, and `nextCursor` to pass back with the same arguments. Every")
                .append(" call of a write tool is audited as `TOOL_WRITE`.\n\n")
                .append("| tool | scope | behaviour |\n|---|---|---|\n");
        for (Tool tool : catalog.tools()) {
            doc.append("| [`")
                    .append(tool.name())
                    .append("`](#")
                    .append(tool.name())
                    .append(") | `")
                    .append(tool.scope().wireName())
                    .append("` | ")
                    .append(behaviour(tool.annotations()))
                    .append(" |\n");
        }
        for (Tool tool : catalog.tools()) {
            doc.append("\n### ")
                    .append(tool.name())
                    .append("\n\n**")
                    .append(tool.title())
                    .append("** (scope `")
                    .append(tool.scope().wireName())
                    .append("`; ")
                    .append(behaviour(tool.annotations()))
                    .append(")\n\n")
                    .append(tool.description())
                    .append("\n\n");
            Map<String, Object> properties = map(tool.inputSchema().get("properties"));
            List<?> required = (List<?>) tool.inputSchema().get("required");
            if (properties.isEmpty()) {
                doc.append("Arguments: none.\n\n");
            } else {
                doc.append("| argument | type | required | default | what |\n|---|---|---|---|---|\n");
                properties.forEach((name, schema) -> {
                    Map<String, Object> property = map(schema);
                    doc.append("| `")
                            .append(name)
                            .append("` | ")
                            .append(type(property))
                            .append(" | ")
                            .append(required.contains(name) ? "yes" : "")
                            .append(" | ")
                            .append(property.containsKey("default") ? "`" + property.get("default") + "`" : "")
                            .append(" | ")
                            .append(String.valueOf(property.getOrDefault("description", ""))
                                    .replace("|", "\\|"))
                            .append(" |\n");
                });
                doc.append('\n');
            }
            if (tool.inputSchema().get("examples") instanceof List<?> examples && !examples.isEmpty()) {
                doc.append("Example: `")
                        .append(ToolAnswers.JSON.writeValueAsString(examples.getFirst()))
                        .append("`\n\n");
            }
            doc.append("Returns: ")
                    .append(String.join(
                            ", ",
                            map(tool.outputSchema().get("properties")).keySet().stream()
                                    .map(key -> "`" + key + "`")
                                    .toList()))
                    .append(".\n");
        }
        return doc.toString();
    }

    private static String behaviour(Tool.Annotations annotations) {
        List<String> words = new ArrayList<>();
        words.add(annotations.readOnly() ? "read-only" : "write");
        if (!annotations.readOnly() && annotations.destructive()) {
            words.add("may overwrite");
        }
        if (annotations.idempotent()) {
            words.add("idempotent");
        }
        words.add(annotations.openWorld() ? "may ask a provider" : "local");
        return String.join(", ", words);
    }

    /** A property's type as a reader wants it: the JSON type, its bounds, its values or its pattern. */
    private static String type(Map<String, Object> property) {
        StringBuilder type = new StringBuilder(String.valueOf(property.get("type")));
        if (property.containsKey("enum")) {
            type.append(" (one of ")
                    .append(String.join(
                            ", ",
                            ((List<?>) property.get("enum"))
                                    .stream().map(String::valueOf).toList()))
                    .append(')');
        } else if (property.containsKey("minimum")) {
            type.append(" (")
                    .append(number(property.get("minimum")))
                    .append(" to ")
                    .append(number(property.get("maximum")))
                    .append(')');
        } else if (property.containsKey("maxItems")) {
            type.append(" (")
                    .append(property.get("minItems"))
                    .append(" to ")
                    .append(property.get("maxItems"))
                    .append(" items)");
        } else if (property.containsKey("maxLength")) {
            type.append(" (up to ").append(property.get("maxLength")).append(" characters)");
        } else if (property.containsKey("pattern")) {
            type.append(" (`")
                    .append(String.valueOf(property.get("pattern")).replace("|", "\\|"))
                    .append("`)");
        }
        return type.toString();
    }

    private static String number(Object value) {
        double number = ((Number) value).doubleValue();
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
