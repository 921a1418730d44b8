// The reference TypeScript MCP client (@modelcontextprotocol/sdk) connecting over OAuth 2.1, as a
// remote MCP client does: auth() discovers from /mcp's 401, registers, builds the PKCE authorization
// request with the resource; this script plays the user's browser (sign-in form with its CSRF token,
// consent Allow) and then lets the SDK exchange the code, connect over Streamable HTTP, list and
// call a tool, and refresh (rotated). Exits non-zero on any failed expectation.
// Usage: node oauth-interop.mjs <base URL> <username> <password>   (an account without 2FA)
import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import assert from 'node:assert/strict';

const [base, username, password] = process.argv.slice(2);

class Provider {
  redirectUrl = 'http://127.0.0.1:53682/callback';
  get clientMetadata() {
    return { client_name: 'TypeScript SDK interop', redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  state() { return 'interop-state'; }
  clientInformation() { return this.client; }
  saveClientInformation(client) { this.client = client; }
  tokens() { return this.saved; }
  saveTokens(tokens) { this.saved = tokens; }
  redirectToAuthorization(url) { this.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
}

// The browser: cookies kept, redirects looked at one by one.
const cookies = new Map();
async function browse(url, init = {}) {
  const headers = { ...(init.headers || {}), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  const res = await fetch(new URL(url, base), { ...init, headers, redirect: 'manual' });
  for (const cookie of res.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const equals = pair.indexOf('=');
    cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  return res;
}
const hiddenFields = (html) => {
  const fields = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.append(m[1], m[2].replaceAll('&amp;', '&'));
  return fields;
};
const form = { 'content-type': 'application/x-www-form-urlencoded' };

const provider = new Provider();
assert.equal(await auth(provider, { serverUrl: base + '/mcp' }), 'REDIRECT');
assert.equal(provider.authorizationUrl.searchParams.get('resource'), base + '/mcp');
assert.equal(provider.authorizationUrl.searchParams.get('code_challenge_method'), 'S256');

let res = await browse(provider.authorizationUrl.href);
assert.equal(res.status, 302);
res = await browse(res.headers.get('location'));
const login = hiddenFields(await res.text());
login.set('username', username);
login.set('password', password);
res = await browse('/oauth2/login', { method: 'POST', body: login, headers: form });
assert.equal(res.status, 302, 'signed in');
res = await browse(res.headers.get('location'));
res = await browse(res.headers.get('location'));
const consent = await res.text();
assert.match(consent, /TypeScript SDK interop/);
res = await browse('/oauth2/authorize', { method: 'POST', body: hiddenFields(consent.match(/<form[^>]*>(.*?)<\/form>/s)[1]), headers: form });
const back = new URL(res.headers.get('location'));
assert.equal(back.searchParams.get('state'), 'interop-state');

assert.equal(await auth(provider, { serverUrl: base + '/mcp', authorizationCode: back.searchParams.get('code') }), 'AUTHORIZED');
assert.ok(provider.saved.refresh_token, 'a refresh token');

const client = new Client({ name: 'oauth-interop', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(new URL(base + '/mcp'), { authProvider: provider }));
const tools = await client.listTools();
assert.ok(tools.tools.some((tool) => tool.name === 'get_quote'));
const quote = await client.callTool({ name: 'get_quote', arguments: { symbol: 'AAPL' } });
assert.ok(!quote.isError, JSON.stringify(quote));
await client.close();

const before = provider.saved.refresh_token;
assert.equal(await auth(provider, { serverUrl: base + '/mcp' }), 'AUTHORIZED');
assert.notEqual(provider.saved.refresh_token, before, 'the refresh token rotated');
const elsewhere = await fetch(base + '/api/v1/quotes/AAPL', { headers: { authorization: 'Bearer ' + provider.saved.access_token } });
assert.equal(elsewhere.status, 401, 'an OAuth token is good at /mcp only');
console.log(JSON.stringify({ ok: true, tools: tools.tools.length, scope: provider.saved.scope }));
