package dev.sextant.tools.internal;

import static dev.sextant.tools.internal.Schemas.arrayOf;
import static dev.sextant.tools.internal.Schemas.object;
import static dev.sextant.tools.internal.Schemas.properties;
import static dev.sextant.tools.internal.Schemas.typed;

import dev.sextant.analytics.query.Vocabulary;
import dev.sextant.platform.Scope;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolResult;
import dev.sextant.watchlists.Universes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * FK-DSL's vocabulary as a tool: the same names {@code GET /api/v1/query/vocabulary} lists, from
 * the registry the parser reads, so an assistant writes queries from what the server accepts.
 */
@Configuration(proxyBeanMethods = false)
class VocabularyTools {

    private static final Vocabulary VOCABULARY = Vocabulary.current();

    private static final Map<String, Object> STRINGS = arrayOf(typed("string"));

    @Bean
    ToolDefinition queryVocabulary(Universes universes) {
        Tool tool = new Tool(
                "query_vocabulary",
                "FK-DSL vocabulary",
                "Every name run_query's language (FK-DSL) accepts, as GET /api/v1/query/vocabulary lists it:"
                        + " each statement's form with an example (EVALUATE, COMPARE, SCAN, CORRELATE, REGRESS, MACRO,"
                        + " FIND, ANALYZE, GET...), every metric with its parameters (kind, default, bounds), outputs,"
                        + " default output, unit and an example, ANALYZE's topics and their metrics, MACRO's analyses,"
                        + " GET's items and intervals, the comparison operators and states, and your universes.",
                object(properties()),
                object(
                        properties(
                                "statements",
                                        arrayOf(object(
                                                properties(
                                                        "keyword", typed("string"),
                                                        "form", typed("string"),
                                                        "example", typed("string")),
                                                "keyword",
                                                "form",
                                                "example")),
                                "metrics",
                                        arrayOf(object(
                                                properties(
                                                        "name", typed("string"),
                                                        "parameters",
                                                                arrayOf(object(
                                                                        properties(
                                                                                "name", typed("string"),
                                                                                "kind", typed("string"),
                                                                                "default", typed("string", "null"),
                                                                                "min", typed("number", "null"),
                                                                                "max", typed("number", "null")),
                                                                        "name",
                                                                        "kind",
                                                                        "default",
                                                                        "min",
                                                                        "max")),
                                                        "outputs", STRINGS,
                                                        "defaultOutput", typed("string", "null"),
                                                        "unit", typed("string"),
                                                        "example", typed("string")),
                                                "name",
                                                "parameters",
                                                "outputs",
                                                "defaultOutput",
                                                "unit",
                                                "example")),
                                "topics", typed("object"),
                                "macroAnalyses", STRINGS,
                                "getItems", STRINGS,
                                "intervals", STRINGS,
                                "comparisons", STRINGS,
                                "states", STRINGS,
                                "universeForms", STRINGS,
                                "universes", STRINGS),
                        "statements",
                        "metrics",
                        "topics",
                        "macroAnalyses",
                        "getItems",
                        "intervals",
                        "comparisons",
                        "states",
                        "universeForms",
                        "universes"),
                Tool.Annotations.READ_LOCAL,
                Scope.ANALYSIS);
        return new ToolDefinition(tool, (caller, args) -> {
                    List<String> names = universes.available(caller).stream()
                            .map(Universes.Universe::name)
                            .toList();
                    return answer(VOCABULARY.withUniverses(names));
                })
                .withExample(Map.of());
    }

    /** The vocabulary as JSON values, and as text: a line per statement form, then a metric per line. */
    private static ToolResult answer(Vocabulary vocabulary) {
        StringBuilder text = new StringBuilder("statements:\n");
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Vocabulary.StatementForm form : vocabulary.statements()) {
            statements.add(Schemas.map("keyword", form.keyword(), "form", form.form(), "example", form.example()));
            text.append(form.form()).append("   e.g. ").append(form.example()).append('\n');
        }
        text.append("metrics: name(parameters=defaults)|outputs|unit\n");
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Vocabulary.MetricEntry metric : vocabulary.metrics()) {
            List<Map<String, Object>> parameters = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (Vocabulary.Parameter parameter : metric.parameters()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", parameter.name());
                json.put("kind", parameter.kind());
                json.put("default", parameter.defaultValue());
                json.put("min", parameter.min());
                json.put("max", parameter.max());
                parameters.add(json);
                shown.add(parameter.name() + "=" + (parameter.defaultValue() == null ? "?" : parameter.defaultValue()));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", metric.name());
            json.put("parameters", parameters);
            json.put("outputs", metric.outputs());
            json.put("defaultOutput", metric.defaultOutput());
            json.put("unit", metric.unit());
            json.put("example", metric.example());
            metrics.add(json);
            text.append(metric.name())
                    .append(shown.isEmpty() ? "" : "(" + String.join(",", shown) + ")")
                    .append('|')
                    .append(String.join(",", metric.outputs()))
                    .append('|')
                    .append(metric.unit())
                    .append('\n');
        }
        vocabulary
                .topics()
                .forEach((topic, entries) -> text.append("ANALYZE ... FOR ")
                        .append(topic)
                        .append(": ")
                        .append(String.join(", ", entries))
                        .append('\n'));
        text.append("MACRO -> ")
                .append(String.join(" | ", vocabulary.macroAnalyses()))
                .append("; GET ")
                .append(String.join(" | ", vocabulary.getItems()))
                .append(" FOR symbol [")
                .append(String.join(" | ", vocabulary.intervals()))
                .append("]; operators ")
                .append(String.join(" ", vocabulary.comparisons()))
                .append("; universes ")
                .append(String.join(", ", vocabulary.universes()))
                .append('\n');
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("statements", statements);
        structured.put("metrics", metrics);
        structured.put("topics", new LinkedHashMap<>(vocabulary.topics()));
        structured.put("macroAnalyses", vocabulary.macroAnalyses());
        structured.put("getItems", vocabulary.getItems());
        structured.put("intervals", vocabulary.intervals());
        structured.put("comparisons", vocabulary.comparisons());
        structured.put("states", vocabulary.states());
        structured.put("universeForms", vocabulary.universeForms());
        structured.put("universes", vocabulary.universes());
        return new ToolResult.Success(structured, text.toString());
    }
}
