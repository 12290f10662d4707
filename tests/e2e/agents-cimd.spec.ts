import http from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type APIRequestContext } from "./support/test";
import { appOrigin } from "../support/ports";
import { rigLoopbackTls } from "../support/loopback-ca";
import { startMetadataServer, type MetadataServer } from "../support/metadata-server";
import { signedInUser } from "./support/api-keys";
import { startAppProcess } from "./support/app-process";
import { authorizationUrl, CALLBACK, MCP_URL, MetadataUrlAuthProvider, openAuthorization, pkcePair, toolText } from "./support/agents";

// Clients identified by a Client ID Metadata Document: an https URL as client_id, which Keyline fetches
// (from a loopback HTTPS server with the rig's private CA; the app runs with OAUTH_ALLOW_LOOPBACK_CLIENTS)
// and checks before any consent page.

function documentAt(url: string, extra: Record<string, unknown> = {}) {
  return {
    client_id: url,
    client_name: "Docs Agent",
    redirect_uris: [CALLBACK],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
    ...extra,
  };
}

function serveDocument(server: MetadataServer, path: string, extra: Record<string, unknown> = {}): string {
  return server.json(path, documentAt(`${server.origin}${path}`, extra));
}

const fetchesOf = (server: MetadataServer, path: string) => server.requests.filter((request) => request.path === path).length;

// An authorization request as an app would send it (PKCE S256 unless overridden), not followed.
async function authorize(request: APIRequestContext, clientId: string, params: Record<string, string | undefined> = {}, origin = appOrigin) {
  const url = new URL(authorizationUrl({
    client_id: clientId,
    response_type: "code",
    redirect_uri: CALLBACK,
    scope: "models:read",
    state: "st",
    code_challenge: pkcePair().challenge,
    code_challenge_method: "S256",
    ...params,
  }));
  const response = await request.get(`${origin}${url.pathname}${url.search}`, { maxRedirects: 0 });
  return { status: response.status(), location: response.headers()["location"] ?? null, text: await response.text() };
}

// Accepted: sent on to the consent page. Refused: an error page of the server's own, no redirect.
function expectConsentPage(result: { status: number; location: string | null }) {
  expect(result.status).toBe(303);
  expect(result.location).toMatch(/\/oauth\/consent\//);
}
function expectRefused(result: { status: number; location: string | null; text: string }, message: RegExp = /invalid_client/) {
  expect(result.status, result.text.slice(0, 300)).toBe(400);
  expect(result.location).toBeNull();
  expect(result.text).toMatch(message);
}

test.describe("client ID metadata documents", () => {
  let server: MetadataServer;
  test.beforeEach(async () => {
    server = await startMetadataServer(rigLoopbackTls());
  });
  test.afterEach(async () => {
    await server.close();
  });

  test("the MCP SDK client connects by its metadata URL: discovery, no registration, PKCE, consent naming its host, tools", async ({ browser, request }, testInfo) => {
    const metadata = await (await request.get("/.well-known/oauth-authorization-server")).json();
    expect(metadata.client_id_metadata_document_supported).toBe(true);

    const url = serveDocument(server, "/agents/docs-agent.json");
    const user = await signedInUser(browser, "cimd");
    const provider = new MetadataUrlAuthProvider(url);
    const first = new Client({ name: "e2e-agent", version: "1.0.0" });
    await expect(first.connect(new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider }))).rejects.toBeInstanceOf(UnauthorizedError);
    // The SDK used the URL as its client_id instead of registering.
    expect(provider.client?.client_id).toBe(url);
    const authorization = provider.authorizationUrl!;
    expect(authorization.searchParams.get("client_id")).toBe(url);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");

    const callback = await openAuthorization(user.page, authorization, async () => {
      await expect(user.page.getByRole("heading", { name: "Connect Docs Agent?" })).toBeVisible();
      await expect(user.page.getByTestId("consent-client-host")).toHaveText(`127.0.0.1:${server.port}`);
      const warning = user.page.getByTestId("consent-warning");
      await expect(warning).toContainText("sends you back to a local address");
      await expect(warning).not.toContainText("registered itself");
      await user.page.screenshot({ path: testInfo.outputPath("cimd-consent.png"), fullPage: true });
      await user.page.setViewportSize({ width: 390, height: 844 });
      await user.page.emulateMedia({ colorScheme: "dark" });
      await user.page.screenshot({ path: testInfo.outputPath("cimd-consent-phone-dark.png"), fullPage: true });
      await user.page.getByRole("button", { name: "Allow", exact: true }).click();
    });
    expect(callback.searchParams.get("iss")).toBe(appOrigin);
    expect(fetchesOf(server, "/agents/docs-agent.json")).toBeGreaterThanOrEqual(1);

    await new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider }).finishAuth(callback.searchParams.get("code")!);
    const client = new Client({ name: "e2e-agent", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider }));
    const tools = await client.listTools();
    expect(tools.tools.map((tool) => tool.name)).toContain("list_models");
    expect(toolText(await client.callTool({ name: "list_models", arguments: {} }))).toContain("openai:test-model");

    // Connected apps names it by its document, with the metadata URL as its identity.
    await user.page.goto("/settings/security");
    const row = user.page.getByTestId("connected-app-row");
    await expect(row).toContainText("Docs Agent");
    await expect(row).toContainText(url);
    await client.close();
    await user.close();
  });

  test("a redirect URI not listed in the document is refused, with no redirect", async ({ request }) => {
    const url = serveDocument(server, "/agents/listed.json");
    expectConsentPage(await authorize(request, url));
    for (const redirect of ["https://evil.example/callback", `${CALLBACK}/extra`, "http://127.0.0.1:45999/other"]) {
      expectRefused(await authorize(request, url, { redirect_uri: redirect }), /redirect_uri did not match/);
    }
    // A native client's loopback redirect (RFC 8252): any port, but the listed host and path only.
    const native = serveDocument(server, "/agents/native.json", { application_type: "native", redirect_uris: ["http://127.0.0.1/callback"] });
    expectConsentPage(await authorize(request, native));
    for (const redirect of ["http://127.0.0.1:45999/other", "http://localhost:45999/callback", "https://evil.example/callback"]) {
      expectRefused(await authorize(request, native, { redirect_uri: redirect }), /redirect_uri did not match/);
    }
  });

  test("a document whose client_id is not its own URL is refused", async ({ request }) => {
    const elsewhere = server.json("/agents/impostor.json", documentAt("https://claude.ai/oauth/client.json"));
    expectRefused(await authorize(request, elsewhere));
    const sibling = server.json("/agents/sibling.json", documentAt(`${server.origin}/agents/other.json`));
    expectRefused(await authorize(request, sibling));
    expect(fetchesOf(server, "/agents/impostor.json")).toBeGreaterThanOrEqual(1);
  });

  test("a metadata URL that redirects is not followed", async ({ request }) => {
    const moved = `${server.origin}/agents/moved.json`;
    // Were the redirect followed, this document would be accepted for the moved URL.
    server.json("/agents/target.json", documentAt(moved));
    server.serve("/agents/moved.json", (_req, res) => res.writeHead(302, { location: `${server.origin}/agents/target.json` }).end());
    expectRefused(await authorize(request, moved));
    // Once: the refusal is remembered for the error handler's second look (lib/oauth/client-metadata-document.ts).
    expect(fetchesOf(server, "/agents/moved.json")).toBe(1);
    expect(fetchesOf(server, "/agents/target.json")).toBe(0);
  });

  test("a metadata URL on http is never fetched", async ({ request }) => {
    let fetched = 0;
    const plain = http.createServer((_req, res) => {
      fetched += 1;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/agents/plain.json`;
    plain.removeAllListeners("request");
    plain.on("request", (_req, res) => {
      fetched += 1;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(documentAt(url)));
    });
    expectRefused(await authorize(request, url));
    expect(fetched).toBe(0);
    plain.close();
  });

  test("metadata URLs on private, link-local or mapped addresses are refused before any connection", async ({ request }) => {
    const started = Date.now();
    for (const url of ["https://10.0.0.1/client.json", "https://169.254.169.254/latest/client.json", "https://100.64.0.1/client.json", "https://[fd00::1]/client.json", `https://[::ffff:127.0.0.1]:${server.port}/agents/mapped.json`]) {
      expectRefused(await authorize(request, url));
    }
    // A connection attempt to an unroutable address would take the fetch's whole time limit.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(0);
  });

  test("an oversized document is refused", async ({ request }) => {
    const url = serveDocument(server, "/agents/big.json", { client_name: "B".repeat(80), contacts: Array.from({ length: 300 }, (_, i) => `person-${i}@example.com`) });
    expectRefused(await authorize(request, url));
    expect(fetchesOf(server, "/agents/big.json")).toBeGreaterThanOrEqual(1);
  });

  test("a slow document times out", async ({ request }) => {
    const url = `${server.origin}/agents/slow.json`;
    server.serve("/agents/slow.json", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      setTimeout(() => res.end(JSON.stringify(documentAt(url))), 30_000).unref();
    });
    const started = Date.now();
    expectRefused(await authorize(request, url));
    // One wait for the time limit (2.5 s), not one per lookup, and far from the document's 30 s.
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(fetchesOf(server, "/agents/slow.json")).toBe(1);
  });

  test("a document asking for a secret-based or key-based client authentication is refused", async ({ request }) => {
    expectRefused(await authorize(request, serveDocument(server, "/agents/secret.json", { token_endpoint_auth_method: "client_secret_basic" })));
    expectRefused(await authorize(request, serveDocument(server, "/agents/jwt.json", { token_endpoint_auth_method: "private_key_jwt", jwks_uri: "https://example.com/jwks" })));
  });

  test("PKCE is required for a metadata-document client: missing or plain is refused", async ({ browser }) => {
    const url = serveDocument(server, "/agents/pkce.json");
    const user = await signedInUser(browser, "cimd-pkce");
    const base = { client_id: url, response_type: "code", redirect_uri: CALLBACK, scope: "models:read", resource: `${appOrigin}/mcp`, state: "st" };
    const missing = await openAuthorization(user.page, authorizationUrl(base));
    expect(missing.searchParams.get("error")).toBe("invalid_request");
    expect(missing.searchParams.get("error_description")).toMatch(/PKCE/);
    const plain = await openAuthorization(user.page, authorizationUrl({ ...base, code_challenge: "a".repeat(43), code_challenge_method: "plain" }));
    expect(plain.searchParams.get("error")).toBe("invalid_request");
    expect(plain.searchParams.get("code")).toBeNull();
    await user.close();
  });

  test("without OAUTH_ALLOW_LOOPBACK_CLIENTS a loopback metadata URL is refused, never fetched", async ({ request }) => {
    test.setTimeout(120_000);
    const url = serveDocument(server, "/agents/loopback.json");
    // The same document the rig's app accepts…
    expectConsentPage(await authorize(request, url));
    const strict = await startAppProcess({ name: "cimd-strict", env: { OAUTH_ALLOW_LOOPBACK_CLIENTS: "false", NODE_EXTRA_CA_CERTS: rigLoopbackTls().caFile } });
    try {
      const before = fetchesOf(server, "/agents/loopback.json");
      // …is refused by an app without the test setting, which never connects to it.
      expectRefused(await authorize(request, url, {}, strict.origin));
      expect(fetchesOf(server, "/agents/loopback.json")).toBe(before);
    } finally {
      await strict.stop();
    }
  });
});
