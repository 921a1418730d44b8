package dev.sextant.tools;

import dev.sextant.platform.Caller;
import java.util.Map;

/**
 * What answers a tool registered at run time ({@link ToolCatalog#register}): called only after the
 * catalog checked the caller's scope and the arguments against the tool's input schema. A refusal
 * is a {@link dev.sextant.platform.DomainException} (the catalog turns it into a {@link
 * ToolResult.Failure}) or a returned failure.
 */
@FunctionalInterface
public interface ToolHandler {

    ToolResult call(Caller caller, Map<String, Object> arguments);
}
