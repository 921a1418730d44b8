package dev.sextant.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a tool's answer as a client would: a success whose structured content is valid against the
 * tool's own output schema (networknt, the validator the catalog checks inputs with), or a failure.
 */
final class ToolAnswers {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    // MCP clients validate structured content too, some with draft 7 (the TypeScript SDK's ajv), where
    // 2020-12's tuple keywords read differently: an answer must pass both.
    private final SchemaRegistry draft7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final ToolCatalog catalog;

    ToolAnswers(ToolCatalog catalog) {
        this.catalog = catalog;
    }

    /** The structured answer, after checking it succeeded and matches the output schema. */
    JsonNode success(String tool, ToolResult result) {
        assertThat(result).as("%s answered %s", tool, result.text()).isInstanceOf(ToolResult.Success.class);
        JsonNode structured = JSON.valueToTree(((ToolResult.Success) result).structured());
        JsonNode outputSchema =
                JSON.valueToTree(catalog.tool(tool).orElseThrow().outputSchema());
        List<Error> errors = registry.getSchema(outputSchema).validate(structured);
        assertThat(errors).as("%s's answer against its output schema", tool).isEmpty();
        List<Error> draft7Errors = draft7.getSchema(outputSchema).validate(structured);
        assertThat(draft7Errors)
                .as("%s's answer against its output schema read as draft 7", tool)
                .isEmpty();
        return structured;
    }

    static ToolResult.Failure failure(ToolResult result) {
        assertThat(result).as("answered %s", result.text()).isInstanceOf(ToolResult.Failure.class);
        return (ToolResult.Failure) result;
    }

    /** The size in bytes a transport sends for this answer: its structured JSON plus its text. */
    static int bytes(ToolResult.Success success) {
        return JSON.writeValueAsBytes(success.structured()).length
                + success.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return args;
    }
}
