/**
 * The tool catalog: what programs acting for a user may call (MCP clients now, AI agents later).
 * Each tool exists once here, with a description written for a model, JSON Schemas for its input and
 * output, behaviour annotations, the scope it needs and a handler over the module faces; a
 * transport (MCP's Streamable HTTP and stdio, an agent's tool loop) only translates.
 *
 * <p>Public face: {@link dev.sextant.tools.ToolCatalog}, its {@link dev.sextant.tools.Tool}
 * descriptions and {@link dev.sextant.tools.ToolResult}s, and {@link dev.sextant.tools.ToolHandler}
 * for tools registered at run time (plug-ins). docs/MCP.md's tool reference is generated from it.
 */
@NullMarked
package dev.sextant.tools;

import org.jspecify.annotations.NullMarked;
