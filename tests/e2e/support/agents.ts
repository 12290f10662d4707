import crypto from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { UnauthorizedError, type OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { appOrigin } from "../../support/ports";
import { recordSecret } from "../../support/secrets-ledger";

// A native agent's loopback redirect (RFC 8252). Nothing listens there: the browser's request to it is
// answered by Playwright, which is how the test reads the code, as the agent would.
export const CALLBACK = "http://127.0.0.1:45999/callback";
export const MCP_URL = new URL(`${appOrigin}/mcp`);

// The MCP SDK's OAuthClientProvider, kept in memory like a CLI agent's.
export class MemoryAuthProvider implements OAuthClientProvider {
  client?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier = "";
  authorizationUrl?: URL;
  constructor(readonly name = "E2E Agent") {}
  get redirectUrl() {
    return CALLBACK;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.name,
      redirect_uris: [CALLBACK],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    recordSecret("oauth-token", tokens.access_token);
    recordSecret("oauth-token", tokens.refresh_token);
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

// An agent identified by its client ID metadata document's URL instead of registering itself.
export class MetadataUrlAuthProvider extends MemoryAuthProvider {
  constructor(readonly clientMetadataUrl: string) {
    super();
  }
}

// In the signed-in browser: open the authorization URL, answer the consent page, and return the URL the
// browser was sent back to (code, state, iss; or error).
export async function answerConsent(page: Page, authorizationUrl: URL | string, decision: "Allow" | "Deny" = "Allow"): Promise<URL> {
  const callback = await openAuthorization(page, authorizationUrl, async () => {
    await expect(page.getByRole("heading", { name: /^Connect / })).toBeVisible();
    await page.getByRole("button", { name: decision, exact: true }).click();
  });
  const code = callback.searchParams.get("code");
  recordSecret("oauth-code", code);
  return callback;
}

// Goes to an authorization URL and waits for the browser to land on the loopback callback.
export async function openAuthorization(page: Page, url: URL | string, onConsentPage?: () => Promise<void>): Promise<URL> {
  // Refused before any page: the authorization server redirects at once (Playwright's routes do not see
  // the redirect of a navigation's first request), so read where it sends the browser.
  if (!onConsentPage) {
    const response = await page.request.get(url.toString(), { maxRedirects: 0 });
    expect(response.status(), await response.text()).toBe(303);
    const location = new URL(response.headers()["location"]!);
    expect(location.host).toBe("127.0.0.1:45999");
    return location;
  }
  let landed: URL | null = null;
  await page.route((url) => url.host === "127.0.0.1:45999", async (route) => {
    landed = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: "text/plain", body: "Done: return to the agent." });
  });
  await page.goto(url.toString());
  if (onConsentPage) await onConsentPage();
  await expect.poll(() => landed, { timeout: 15_000 }).not.toBeNull();
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return landed!;
}

// The whole first connection as an MCP client makes it: a bare request gets 401, the SDK discovers the
// resource and authorization server metadata, registers itself, sends the user to consent with PKCE;
// then the code is exchanged and the client connects.
export async function connectAgent(page: Page, name = "E2E Agent", provider = new MemoryAuthProvider(name)) {
  const first = new Client({ name: "e2e-agent", version: "1.0.0" });
  await expect(first.connect(new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider }))).rejects.toBeInstanceOf(UnauthorizedError);
  expect(provider.authorizationUrl).toBeDefined();
  const callback = await answerConsent(page, provider.authorizationUrl!);
  const transport = new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider });
  await transport.finishAuth(callback.searchParams.get("code")!);
  const client = new Client({ name: "e2e-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider }));
  return { client, provider, callback };
}

export function toolText(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content.map((part) => part.text ?? "").join("");
}

// A client and authorization made by hand, for what the SDK never sends (no PKCE, plain PKCE, a foreign
// redirect URI) and for the /v1 resource.
export async function registerClient(request: { post: Page["request"]["post"] }, redirectUris = [CALLBACK]): Promise<string> {
  const response = await request.post(`${appOrigin}/api/oauth/register`, {
    data: { client_name: "Hand-made app", redirect_uris: redirectUris, token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { client_id: string }).client_id;
}

export function pkcePair() {
  const verifier = crypto.randomBytes(32).toString("base64url");
  return { verifier, challenge: crypto.createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizationUrl(params: Record<string, string | undefined>): string {
  const url = new URL(`${appOrigin}/api/oauth/auth`);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

export async function tokenRequest(params: Record<string, string>) {
  const response = await fetch(`${appOrigin}/api/oauth/token`, { method: "POST", body: new URLSearchParams(params) });
  const body = (await response.json()) as Record<string, unknown>;
  recordSecret("oauth-token", body.access_token as string | undefined);
  recordSecret("oauth-token", body.refresh_token as string | undefined);
  return { status: response.status, body };
}

// A full grant for a resource by hand: registration, PKCE, consent in the browser, code exchange.
export async function grantFor(page: Page, resource: string, scope: string) {
  const clientId = await registerClient(page.request);
  const { verifier, challenge } = pkcePair();
  const callback = await answerConsent(
    page,
    authorizationUrl({ client_id: clientId, response_type: "code", redirect_uri: CALLBACK, scope, resource, code_challenge: challenge, code_challenge_method: "S256", state: "s1", prompt: "consent" }),
  );
  const code = callback.searchParams.get("code");
  expect(code, callback.toString()).toBeTruthy();
  const token = await tokenRequest({ grant_type: "authorization_code", code: code!, redirect_uri: CALLBACK, client_id: clientId, code_verifier: verifier, resource });
  expect(token.status, JSON.stringify(token.body)).toBe(200);
  return { clientId, accessToken: token.body.access_token as string, refreshToken: token.body.refresh_token as string | undefined };
}

export async function callMcp(token: string | null, body: unknown = { jsonrpc: "2.0", id: 1, method: "tools/list" }) {
  return fetch(MCP_URL, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}
