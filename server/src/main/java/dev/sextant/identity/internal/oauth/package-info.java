/**
 * OAuth 2.1 for remote MCP clients: Spring Authorization Server with authorization code + PKCE,
 * public clients registered through RFC 7591, tokens bound to the {@code /mcp} resource (RFC 8707),
 * protected resource metadata (RFC 9728), and the server-rendered sign-in and consent pages.
 */
@NullMarked
package dev.sextant.identity.internal.oauth;

import org.jspecify.annotations.NullMarked;
