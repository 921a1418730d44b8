// Sextant's MCP server through the reference TypeScript client (@modelcontextprotocol/sdk) over
// Streamable HTTP with OAuth 2.1, the way a remote MCP client connects: the SDK's own transport
// with an OAuthClientProvider meets /mcp's 401, discovers (RFC 9728 and RFC 8414), registers
// (RFC 7591), builds the PKCE authorization request with the resource (RFC 8707) and hands us the
// URL. Only the user's browser is played here: the sign-in page (CSRF token, password, then the
// TOTP code when two-factor sign-in is on), the consent page (Allow or Deny), and the redirect to
// the loopback redirect URI, whose code is read from the Location header (nothing listens there).
// Then finishAuth(code) and a new connection: list tools, call some; then a connection with an
// expired access token, which the SDK must refresh by itself; optionally a password change, after
// which it must not get in. Prints one JSON document.
//
// Environment: SEXTANT_MCP_URL (http://127.0.0.1:<port>/mcp), SEXTANT_USERNAME, SEXTANT_PASSWORD;
// optional SEXTANT_TOTP_SECRET (base32) and SEXTANT_TOTP_TIME (epoch seconds of the server's clock,
// the time an authenticator app would use), SEXTANT_CONSENT ("allow", the default, or "deny"),
// SEXTANT_CONSENT_SCOPES (space-separated: the scopes posted back from the consent page, default all
// offered), SEXTANT_CALLS (JSON: tool name -> arguments), SEXTANT_NEW_PASSWORD (at the end, change
// the password over the REST API and see the connected client cut off).
// Exit 0 when connected, 1 otherwise; the report is printed either way.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { createHmac, randomBytes } from "node:crypto";

const url = new URL(process.env.SEXTANT_MCP_URL);
const username = process.env.SEXTANT_USERNAME;
const password = process.env.SEXTANT_PASSWORD;
const totpSecret = process.env.SEXTANT_TOTP_SECRET;
const totpTime = Number(process.env.SEXTANT_TOTP_TIME ?? Date.now() / 1000);
const decision = process.env.SEXTANT_CONSENT ?? "allow";
const keptScopes = process.env.SEXTANT_CONSENT_SCOPES?.split(/\s+/).filter(Boolean);
const calls = JSON.parse(process.env.SEXTANT_CALLS ?? "{}");
const newPassword = process.env.SEXTANT_NEW_PASSWORD;
const REDIRECT_URI = "http://127.0.0.1:53682/callback";

const report = { steps: [] };
const step = (name, details = {}) => report.steps.push({ step: name, ...details });

/** RFC 6238 with the defaults every authenticator app uses: HMAC-SHA1, 30 s steps, 6 digits. */
function totp(base32, seconds) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of base32.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const h = createHmac("sha1", key).update(counter).digest();
  const o = h[19] & 0xf;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** A user's browser: keeps cookies, shows each redirect instead of following it. */
class Browser {
  cookies = new Map();

  async go(target, init = {}) {
    const headers = { ...(init.headers ?? {}) };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(new URL(target, url), { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const equals = pair.indexOf("=");
      this.cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
    }
    const body = await response.text();
    return { status: response.status, location: response.headers.get("location"), body, at: new URL(target, url) };
  }

  /** Submits the form whose button has this value (or the only form), with the fields changed. */
  async submit(page, button, change = (fields) => fields) {
    const forms = [...page.body.matchAll(/<form[^>]*action="([^"]+)"[^>]*>(.*?)<\/form>/gs)];
    const form = forms.find((f) => button === undefined || f[2].includes(`value="${button}"`));
    if (!form) throw new Error(`no form${button ? ` with ${button}` : ""} on ${page.at.pathname}: ${page.body}`);
    let fields = new URLSearchParams();
    for (const m of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      fields.append(m[1], m[2].replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
    }
    if (button !== undefined) fields.append("decision", button);
    fields = change(fields);
    return this.go(unescapeHtml(form[1]), {
      method: "POST",
      body: fields,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  /** Follows redirects that stay on the server, up to the one that leaves it (or a page). */
  async follow(page) {
    let current = page;
    for (let hops = 0; hops < 10 && current.location && !current.location.startsWith(REDIRECT_URI); hops++) {
      current = await this.go(current.location);
    }
    return current;
  }
}

const unescapeHtml = (text) => text.replaceAll("&amp;", "&");
const scopesOnConsent = (page) =>
  [...page.body.matchAll(/<input type="hidden" name="scope" value="([^"]*)">/g)].map((m) => m[1]);

/**
 * What the user does in the browser the SDK sends them to; answers the authorization response's
 * query parameters (code and state, or error).
 */
async function authorizeInBrowser(authorizationUrl) {
  const browser = new Browser();
  let page = await browser.follow(await browser.go(authorizationUrl));
  if (!page.at.pathname.endsWith("/oauth2/login")) throw new Error(`expected the sign-in page, got ${page.at} ${page.status}`);
  step("sign-in page", { csrf: /name="_csrf"/.test(page.body) });
  page = await browser.submit(page, undefined, (fields) => {
    fields.set("username", username);
    fields.set("password", password);
    return fields;
  });
  page = await browser.follow(page);
  if (page.at.pathname.endsWith("/oauth2/login/code")) {
    if (!totpSecret) throw new Error("the server asks for a second factor but no TOTP secret was given");
    step("second-factor page");
    page = await browser.submit(page, undefined, (fields) => {
      fields.set("code", totp(totpSecret, totpTime));
      return fields;
    });
    page = await browser.follow(page);
  }
  if (!page.at.pathname.endsWith("/oauth2/consent")) {
    throw new Error(`expected the consent page, got ${page.at.pathname} ${page.status}: ${page.body.slice(0, 300)}`);
  }
  const offered = scopesOnConsent(page);
  step("consent page", { offered, namesClient: page.body.includes("Sextant TypeScript interop") });
  page = await browser.submit(page, decision, (fields) => {
    if (decision === "allow" && keptScopes) {
      // Consent to less than offered: the page itself is all or nothing, but the authorization
      // server grants only the scopes posted back (what a page with a box per scope would post).
      const kept = new URLSearchParams([...fields].filter(([k, v]) => k !== "scope" || keptScopes.includes(v)));
      return kept;
    }
    return fields;
  });
  if (page.status !== 302 || !page.location?.startsWith(REDIRECT_URI)) {
    throw new Error(`consent did not redirect to the client: ${page.status} ${page.location} ${page.body.slice(0, 300)}`);
  }
  return Object.fromEntries(new URL(page.location).searchParams);
}

/** The SDK's OAuthClientProvider, kept in memory as a command-line client would for one run. */
class InMemoryProvider {
  expectedState = randomBytes(16).toString("base64url");
  redirectUrl = REDIRECT_URI;
  clientMetadata = {
    client_name: "Sextant TypeScript interop",
    redirect_uris: [REDIRECT_URI],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  };
  state() {
    return this.expectedState;
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(client) {
    this.client = client;
    step("registered", { clientId: client.client_id !== undefined });
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens) {
    this.saved = tokens;
  }
  saveCodeVerifier(verifier) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
  invalidateCredentials(what) {
    // The SDK calls this when the server refuses the refresh token (invalid_grant).
    if (what === "all" || what === "tokens") this.saved = undefined;
    step("credentials invalidated", { what });
  }
  async redirectToAuthorization(authorizationUrl) {
    if (this.signedIn) {
      // Once signed in, the client should get by with its refresh token; a second trip to the
      // browser is what a revoked grant causes. Counted, not walked through.
      this.sentBackToSignIn = (this.sentBackToSignIn ?? 0) + 1;
      return;
    }
    const p = authorizationUrl.searchParams;
    report.authorizationRequest = {
      endpoint: authorizationUrl.origin + authorizationUrl.pathname,
      resource: p.get("resource"),
      scope: p.get("scope"),
      codeChallengeMethod: p.get("code_challenge_method"),
      hasCodeChallenge: p.has("code_challenge"),
      redirectUri: p.get("redirect_uri"),
    };
    this.response = await authorizeInBrowser(authorizationUrl);
    this.signedIn = true;
  }
}

const provider = new InMemoryProvider();
const newTransport = () => new StreamableHTTPClientTransport(url, { authProvider: provider });
try {
  const first = newTransport();
  try {
    await new Client({ name: "sextant-oauth-interop", version: "1.0.0" }).connect(first);
    throw new Error("connected without authorizing");
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
  }
  const back = provider.response;
  if (back === undefined) throw new Error("the SDK never sent the user to authorize");
  if (back.state !== provider.expectedState) throw new Error(`state came back as ${back.state}`);
  if (back.error) {
    report.authorizationError = back.error;
    throw new Error(`authorization refused: ${back.error}${back.error_description ? ` (${back.error_description})` : ""}`);
  }
  await first.finishAuth(back.code);
  step("token", { tokenType: provider.saved.token_type, refresh: provider.saved.refresh_token !== undefined });
  report.grantedScope = provider.saved.scope ?? null;
  report.accessToken = provider.saved.access_token;

  const transport = newTransport();
  const client = new Client({ name: "sextant-oauth-interop", version: "1.0.0" });
  await client.connect(transport);
  report.protocolVersion = transport.protocolVersion ?? null;
  report.server = client.getServerVersion()?.name ?? null;
  report.tools = (await client.listTools()).tools.map((t) => t.name);
  report.calls = {};
  for (const [name, args] of Object.entries(calls)) {
    // callTool checks structuredContent against the tool's outputSchema and throws if it does not match.
    const result = await client.callTool({ name, arguments: args });
    report.calls[name] = {
      isError: result.isError === true,
      structuredContent: result.structuredContent ?? null,
      text: result.content.find((c) => c.type === "text")?.text ?? null,
    };
  }
  await transport.terminateSession();
  await client.close();

  // The next day: the access token has expired, the refresh token has not. The SDK meets the 401
  // (invalid_token), refreshes with the resource, and connects again without the browser.
  const before = provider.saved;
  provider.saved = { ...before, access_token: "expired-" + before.access_token.slice(-8) };
  const later = newTransport();
  const again = new Client({ name: "sextant-oauth-interop", version: "1.0.0" });
  await again.connect(later).catch((error) => {
    throw new Error(`no reconnect with the refresh token (sent back to sign in ${provider.sentBackToSignIn ?? 0} times): ${error.message}`);
  });
  report.reconnect = {
    refreshed: provider.saved.access_token !== before.access_token && !provider.saved.access_token.startsWith("expired-"),
    rotated: provider.saved.refresh_token !== before.refresh_token,
    tools: (await again.listTools()).tools.length,
  };

  if (newPassword) {
    // The user changes their password in Sextant: every connected application is cut off, its
    // refresh token too, so the SDK can only send the user to sign in again.
    const session = await fetch(new URL("/api/v1/auth/login", url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    }).then((r) => r.json());
    const changed = await fetch(new URL("/api/v1/me/password", url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ currentPassword: password, newPassword }),
    });
    report.afterPasswordChange = { changeStatus: changed.status };
    try {
      await again.listTools();
      report.afterPasswordChange.refused = false;
    } catch (error) {
      report.afterPasswordChange.refused = true;
      report.afterPasswordChange.unauthorized = error instanceof UnauthorizedError;
      report.afterPasswordChange.sentBackToSignIn = provider.sentBackToSignIn ?? 0;
    }
  }
  await later.terminateSession().catch(() => {});
  await again.close();
} catch (error) {
  report.error = String(error?.message ?? error);
  process.stdout.write(JSON.stringify(report) + "\n");
  process.exit(1);
}
process.stdout.write(JSON.stringify(report) + "\n");
