/** The MCP server's implementation: transport, features (tools, resources, prompts) and the stdio relay. */
@NullMarked
package dev.sextant.mcp.internal;

import org.jspecify.annotations.NullMarked;
