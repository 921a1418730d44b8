package dev.sextant.tools.internal;

import dev.sextant.platform.Caller;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolResult;
import java.util.function.BiFunction;

/** A tool and the handler that answers it; each is a bean, collected by the catalog. */
record ToolDefinition(Tool tool, BiFunction<Caller, ToolArguments, ToolResult> handler) {}
