/**
 * Sextant as a Model Context Protocol server: the tool catalog, resources (watchlists, the
 * indicator registry, the query language reference, live quotes) and prompts, over Streamable HTTP
 * at {@code /mcp} on the running server and over stdio for desktop assistants ({@link
 * dev.sextant.mcp.McpStdio}, {@code ./sextant mcp}).
 *
 * <p>Public face: {@link dev.sextant.mcp.McpStdio}, the stdio entry point the launcher runs.
 * Everything else is in {@code internal}; the protocol only translates, the tool catalog and the
 * module faces do the work for the caller the HTTP request authenticated as.
 */
@NullMarked
package dev.sextant.mcp;

import org.jspecify.annotations.NullMarked;
