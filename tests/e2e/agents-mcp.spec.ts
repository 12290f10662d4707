import { expect, test } from "./support/test";
import { appOrigin } from "../support/ports";
import { openaiClient, signedInUser } from "./support/api-keys";
import { testDb } from "./support/db";
import { callMcp, connectAgent, grantFor, MCP_URL, tokenRequest, toolText } from "./support/agents";

// An MCP client (the official SDK with its OAuth client provider) connecting to Keyline by URL alone,
// a person answering the consent page in Chromium, and apps using their tokens on /v1.

test("discovery from a bare 401, metadata documents, and the JWKS", async ({ request }) => {
  const bare = await request.post("/mcp", { data: { jsonrpc: "2.0", id: 1, method: "tools/list" } });
  expect(bare.status()).toBe(401);
  const challenge = bare.headers()["www-authenticate"]!;
  expect(challenge).toContain(`resource_metadata="${appOrigin}/.well-known/oauth-protected-resource/mcp"`);
  expect(challenge).toMatch(/scope="[^"]*models:read[^"]*"/);

  const resource = await (await request.get("/.well-known/oauth-protected-resource/mcp")).json();
  expect(resource).toMatchObject({ resource: `${appOrigin}/mcp`, authorization_servers: [appOrigin], bearer_methods_supported: ["header"] });

  const server = await (await request.get("/.well-known/oauth-authorization-server")).json();
  expect(server).toMatchObject({
    issuer: appOrigin,
    code_challenge_methods_supported: ["S256"],
    response_types_supported: ["code"],
    authorization_response_iss_parameter_supported: true,
    token_endpoint_auth_methods_supported: ["none"],
    registration_endpoint: `${appOrigin}/api/oauth/register`,
    revocation_endpoint: `${appOrigin}/api/oauth/revoke`,
  });
  expect(server.scopes_supported).toEqual(expect.arrayContaining(["models:read", "chat:write", "threads:read", "offline_access"]));
  expect(server.grant_types_supported).not.toContain("implicit");
  expect(server.grant_types_supported).not.toContain("password");

  const jwks = await (await request.get(server.jwks_uri)).json();
  expect(jwks.keys.length).toBeGreaterThan(0);
  for (const key of jwks.keys) {
    expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256" });
    expect(key.d).toBeUndefined();
  }
  // The private key is stored encrypted, never as a plain JWK.
  const stored = await testDb().oAuthSigningKey.findFirstOrThrow();
  expect(stored.privateJwk).not.toContain('"d"');
});

test("an MCP client connects by URL: registration, consent, PKCE, tools, send_message into the user's history", async ({ browser }) => {
  const user = await signedInUser(browser, "agent-user");
  const { client, provider, callback } = await connectAgent(user.page, "Garden Agent");

  // RFC 9207: the issuer comes back with the code; state was passed through (the SDK checks it too).
  expect(callback.searchParams.get("iss")).toBe(appOrigin);
  expect(provider.authorizationUrl!.searchParams.get("code_challenge_method")).toBe("S256");
  expect(provider.authorizationUrl!.searchParams.get("resource")).toBe(`${appOrigin}/mcp`);
  expect(provider.saved?.refresh_token).toBeTruthy();

  // What is stored: hashes of ids, never a token or a code in the clear.
  const records = await testDb().oAuthRecord.findMany();
  const dump = JSON.stringify(records);
  expect(dump).not.toContain(provider.saved!.refresh_token!);
  expect(dump).not.toContain(callback.searchParams.get("code")!);

  const tools = await client.listTools();
  expect(tools.tools.map((tool) => tool.name).sort()).toEqual(["get_thread", "list_models", "list_threads", "search_threads", "send_message"]);
  expect(toolText(await client.callTool({ name: "list_models", arguments: {} }))).toContain("openai:test-model");

  const sent = JSON.parse(toolText(await client.callTool({ name: "send_message", arguments: { text: "Plan the garden beds [[reply=Tomatoes go south]]" } })));
  expect(sent).toMatchObject({ reply: "Tomatoes go south", status: "complete" });
  expect(sent.thread_id).toMatch(/^[0-9a-f-]{36}$/);

  // The turn is in the user's history like any chat.
  await user.page.goto("/chat");
  await expect(user.page.getByRole("link", { name: /Plan the garden beds/ })).toBeVisible();
  const thread = JSON.parse(toolText(await client.callTool({ name: "get_thread", arguments: { thread_id: sent.thread_id } })));
  expect(thread.messages.map((m: { role: string; text: string }) => [m.role, m.text])).toEqual([
    ["user", "Plan the garden beds [[reply=Tomatoes go south]]"],
    ["assistant", "Tomatoes go south"],
  ]);
  const found = JSON.parse(toolText(await client.callTool({ name: "search_threads", arguments: { query: "garden" } })));
  expect(found.threads.map((t: { id: string }) => t.id)).toEqual([sent.thread_id]);

  // Connected apps lists it, and the grant is in the security log.
  await user.page.goto("/settings/security");
  const row = user.page.getByTestId("connected-app-row");
  await expect(row).toContainText("Garden Agent");
  await expect(row).toContainText("registered dynamically");
  await expect(row).toContainText("threads:read");
  await expect(user.page.getByRole("list", { name: "Security events" })).toContainText("App connected");
  await client.close();
  await user.close();
});

test("refresh tokens rotate on every use; a spent one coming back revokes the whole grant", async ({ browser }) => {
  const user = await signedInUser(browser, "refresher");
  const { client, provider } = await connectAgent(user.page);
  const clientId = provider.client!.client_id;
  const first = provider.saved!;

  const refreshed = await tokenRequest({ grant_type: "refresh_token", refresh_token: first.refresh_token!, client_id: clientId });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.refresh_token).toBeTruthy();
  expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
  const fresh = refreshed.body.access_token as string;
  expect((await callMcp(fresh)).status).toBe(200);

  // The old refresh token again: refused, and the grant with all its tokens is gone.
  const reused = await tokenRequest({ grant_type: "refresh_token", refresh_token: first.refresh_token!, client_id: clientId });
  expect(reused.status).toBe(400);
  expect(reused.body.error).toBe("invalid_grant");
  const again = await tokenRequest({ grant_type: "refresh_token", refresh_token: refreshed.body.refresh_token as string, client_id: clientId });
  expect(again.body.error).toBe("invalid_grant");
  expect((await callMcp(fresh)).status).toBe(401);
  await expect(client.callTool({ name: "list_models", arguments: {} })).rejects.toThrow();

  await user.page.goto("/settings/security");
  await expect(user.page.getByRole("list", { name: "Security events" })).toContainText("a used refresh token came back");
  await expect(user.page.getByText("No connected apps.")).toBeVisible();
  await user.close();
});

test("disconnecting an app in Settings stops its next tool call", async ({ browser }) => {
  const user = await signedInUser(browser, "revoker");
  const { client, provider } = await connectAgent(user.page, "Doomed Agent");
  expect(toolText(await client.callTool({ name: "list_threads", arguments: {} }))).toContain("threads");

  await user.page.goto("/settings/security");
  user.page.once("dialog", (dialog) => void dialog.accept());
  await user.page.getByRole("button", { name: "Disconnect Doomed Agent" }).click();
  await expect(user.page.getByText("No connected apps.")).toBeVisible();

  // The access token has not expired, but its grant is gone: refused at once.
  const response = await callMcp(provider.saved!.access_token);
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  // The refresh token died with the grant.
  const refresh = await tokenRequest({ grant_type: "refresh_token", refresh_token: provider.saved!.refresh_token!, client_id: provider.client!.client_id });
  expect(refresh.body.error).toBe("invalid_grant");
  await expect(user.page.getByRole("list", { name: "Security events" })).toContainText("Connected app revoked");
  await user.close();
});

test("the openai client calls /v1 with an access token issued for /v1", async ({ browser }) => {
  const user = await signedInUser(browser, "v1-app");
  const { accessToken } = await grantFor(user.page, `${appOrigin}/v1`, "models:read chat:write");
  const openai = openaiClient(accessToken);
  expect((await openai.models.list()).data.map((model) => model.id)).toContain("openai:test-model");
  const completion = await openai.chat.completions.create({ model: "openai:test-model", messages: [{ role: "user", content: "[[reply=Hi from v1]] hello" }] });
  expect(completion.choices[0]!.message.content).toBe("Hi from v1");

  // Scopes hold as for a key: threads:read was not granted.
  const threads = await fetch(`${appOrigin}/v1/threads`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(threads.status).toBe(403);
  expect((await threads.json()).error.code).toBe("insufficient_scope");
  // The token is for /v1 only.
  expect((await callMcp(accessToken)).status).toBe(401);
  expect(MCP_URL.pathname).toBe("/mcp");
  await user.close();
});
