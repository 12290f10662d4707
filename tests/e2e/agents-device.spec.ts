import { createHash } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "./support/test";
import { appOrigin } from "../support/ports";
import { recordSecret } from "../support/secrets-ledger";
import { signedInUser } from "./support/api-keys";
import { callMcp, MCP_URL, toolText } from "./support/agents";
import { testDb } from "./support/db";
import { mailTo } from "./support/mail";
import { approveCode, codeError, enterCode, poll, registerCli, startDeviceFlow } from "./support/device";

// The device authorization grant (RFC 8628) for CLIs: the CLI (plain fetch) asks for a code and polls; the
// user types the code on /oauth/device in Chromium and answers the consent screen; and what an attacker
// tries against the code page.

async function deviceFlow(clientId: string, resource: string, scope = "models:read threads:read offline_access") {
  const started = await startDeviceFlow({ client_id: clientId, scope, resource });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  recordSecret("oauth-code", started.body.user_code);
  return started.body;
}

test("a CLI signs in with a code: pending until the user allows, then tokens for /v1 and /mcp, and a mail about the new app", async ({ browser }) => {
  const metadata = (await (await fetch(`${appOrigin}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
  expect(metadata.device_authorization_endpoint).toBe(`${appOrigin}/api/oauth/device/auth`);
  expect(metadata.grant_types_supported).toContain("urn:ietf:params:oauth:grant-type:device_code");

  const user = await signedInUser(browser, "device-cli");
  const clientId = await registerCli("E2E CLI");

  // No resource: refused, the token's audience must be named.
  const unbound = await startDeviceFlow({ client_id: clientId, scope: "models:read" });
  expect(unbound.status).toBe(400);
  expect(unbound.body.error).toBe("invalid_target");

  const v1 = await deviceFlow(clientId, `${appOrigin}/v1`);
  expect(v1.verification_uri).toBe(`${appOrigin}/oauth/device`);
  expect(v1.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
  expect((await poll(clientId, v1.device_code)).body.error).toBe("authorization_pending");
  // The code is stored hashed, like every id.
  expect(await testDb().oAuthRecord.count({ where: { userCode: v1.user_code.replace("-", "") } })).toBe(0);
  // Nor its plain SHA-256, which anyone with the database could reverse for a code this short.
  expect(await testDb().oAuthRecord.count({ where: { userCode: createHash("sha256").update(v1.user_code.replace("-", "")).digest("hex") } })).toBe(0);
  expect(await testDb().oAuthRecord.count({ where: { payload: { contains: v1.user_code.replace("-", "") } } })).toBe(0);

  // The user types it in lower case with spaces, as people do; the consent screen names the app and asks.
  await enterCode(user.page, ` ${v1.user_code.toLowerCase().replace("-", " ")} `);
  await expect(user.page.getByRole("heading", { name: "Connect E2E CLI?" })).toBeVisible();
  await expect(user.page.getByTestId("consent-user-code")).toHaveText(v1.user_code);
  await expect(user.page.getByTestId("consent-warning")).toContainText("registered itself");
  const permissions = user.page.getByRole("list", { name: "Requested permissions" });
  await expect(permissions).toContainText("See which AI models you can use");
  await expect(permissions).toContainText("Read and search your chat history");
  await user.page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(user.page.getByRole("heading", { name: "Device connected" })).toBeVisible();

  const tokens = await poll(clientId, v1.device_code);
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  expect(tokens.body.refresh_token).toEqual(expect.any(String));
  const accessToken = tokens.body.access_token as string;
  const models = await fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(models.status).toBe(200);
  expect(JSON.stringify(await models.json())).toContain("openai:test-model");
  // Bound to /v1: refused on /mcp.
  expect((await callMcp(accessToken)).status).toBe(401);
  // The device code is spent; presented again (someone else has a copy), it takes its grant with it.
  expect((await poll(clientId, v1.device_code)).body.error).toBe("invalid_grant");
  expect((await fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(401);

  // The same CLI for /mcp, used through the official MCP SDK client.
  const mcp = await deviceFlow(clientId, `${appOrigin}/mcp`);
  await approveCode(user.page, mcp.user_code);
  const mcpTokens = await poll(clientId, mcp.device_code);
  expect(mcpTokens.status, JSON.stringify(mcpTokens.body)).toBe(200);
  const client = new Client({ name: "e2e-cli", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(MCP_URL, { requestInit: { headers: { authorization: `Bearer ${mcpTokens.body.access_token as string}` } } }));
  expect(toolText(await client.callTool({ name: "list_threads", arguments: {} }))).toContain("threads");
  await client.close();

  // Each grant sent a mail naming the app, its identity and what it may do, with the way to disconnect it.
  await expect.poll(async () => (await mailTo(user.email)).filter((mail) => mail.subject.startsWith("New app connected")).length, { timeout: 15_000 }).toBe(2);
  const mail = (await mailTo(user.email)).find((mail) => mail.subject.startsWith("New app connected"))!;
  expect(mail.subject).toBe("New app connected to your Keyline account: E2E CLI");
  expect(mail.text).toContain("E2E CLI (registered dynamically)");
  expect(mail.text).toContain("See which AI models you can use (models:read)");
  expect(mail.text).toContain("with a code typed on the device sign-in page");
  expect(mail.text).toContain(`${appOrigin}/settings/security#connected-apps`);

  await user.page.goto("/settings/security");
  await expect(user.page.getByTestId("connected-app-row")).toHaveCount(1);
  await expect(user.page.getByRole("list", { name: "Security events" })).toContainText("App connected");
  await user.close();
});

test("Deny gives the CLI access_denied; an expired code is refused on the page and gives expired_token", async ({ browser }) => {
  const user = await signedInUser(browser, "device-deny");
  const clientId = await registerCli("Denied CLI");
  const denied = await deviceFlow(clientId, `${appOrigin}/mcp`);
  await approveCode(user.page, denied.user_code, "Deny");
  expect((await poll(clientId, denied.device_code)).body.error).toBe("access_denied");
  // Answered: the code cannot be entered again.
  await enterCode(user.page, denied.user_code);
  await expect(codeError(user.page)).toHaveText("That code is not valid or has expired. Check the code your device shows, or start again there.");

  const late = await deviceFlow(clientId, `${appOrigin}/mcp`);
  // Ten minutes later, as far as the stored code knows.
  const owner = await testDb().user.findFirstOrThrow({ where: { email: user.email } });
  const rows = await testDb().oAuthRecord.findMany({ where: { kind: "DeviceCode", userId: null, expiresAt: { gt: new Date() } } });
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as { clientId: string; exp: number };
    if (payload.clientId !== clientId) continue;
    const past = Math.floor(Date.now() / 1000) - 5;
    await testDb().oAuthRecord.update({ where: { kind_idHash: { kind: row.kind, idHash: row.idHash } }, data: { payload: JSON.stringify({ ...payload, exp: past }), expiresAt: new Date(past * 1000) } });
  }
  await enterCode(user.page, late.user_code);
  await expect(codeError(user.page)).toHaveText("That code is not valid or has expired. Check the code your device shows, or start again there.");
  expect((await poll(clientId, late.device_code)).body.error).toBe("expired_token");
  expect(await testDb().oAuthRecord.count({ where: { kind: "Grant", userId: owner.id } })).toBe(0);
  await user.close();
});

test("wrong codes show an error and count toward the account's limit, which then refuses even a right code", async ({ browser }) => {
  const user = await signedInUser(browser, "device-guess");
  const clientId = await registerCli("Guessed CLI");
  const real = await deviceFlow(clientId, `${appOrigin}/mcp`);
  const wrong = real.user_code.startsWith("B") ? "CCCC-CCCC" : "BBBB-BBBB";
  for (let attempt = 1; attempt <= 10; attempt++) {
    await enterCode(user.page, wrong);
    await expect(codeError(user.page)).toHaveText("That code is not valid or has expired. Check the code your device shows, or start again there.");
  }
  await enterCode(user.page, real.user_code);
  await expect(codeError(user.page)).toHaveText("Too many codes tried. Wait a few minutes, then try again.");
  await expect(user.page.getByRole("heading", { name: /^Connect E2E|^Connect Guessed/ })).toHaveCount(0);

  // Another account (same address, whose budget is large in the rig) is not held back by this one's.
  const other = await signedInUser(browser, "device-other");
  await approveCode(other.page, real.user_code);
  expect((await poll(clientId, real.device_code)).status).toBe(200);
  await other.close();
  await user.close();
});

test("an account that is not active cannot allow a code: pending is sent to wait, suspended to sign in, and the CLI keeps waiting", async ({ browser }) => {
  const clientId = await registerCli("Waiting CLI");
  for (const [status, lands] of [["pending", /\/pending$/], ["suspended", /\/login/]] as const) {
    const user = await signedInUser(browser, `device-${status}`);
    const flow = await deviceFlow(clientId, `${appOrigin}/mcp`);
    await enterCode(user.page, flow.user_code);
    await expect(user.page.getByRole("heading", { name: "Connect Waiting CLI?" })).toBeVisible();
    const owner = await testDb().user.update({ where: { email: user.email }, data: { status } });
    await user.page.getByRole("button", { name: "Allow", exact: true }).click();
    await expect(user.page).toHaveURL(lands);
    expect((await poll(clientId, flow.device_code)).body.error).toBe("authorization_pending");
    expect(await testDb().oAuthRecord.count({ where: { kind: "Grant", userId: owner.id } })).toBe(0);
    await user.close();
  }
});

test("a cross-site post of the code form is refused; another user sees nothing of a code someone else entered", async ({ browser }) => {
  const alice = await signedInUser(browser, "device-alice");
  const bob = await signedInUser(browser, "device-bob");
  const clientId = await registerCli("Alice's CLI");
  const flow = await deviceFlow(clientId, `${appOrigin}/v1`);

  // Alice's code post, captured and replayed from another site with her cookies: refused, nothing claimed.
  await alice.page.goto(`${appOrigin}/oauth/device`);
  await alice.page.getByLabel("Code").fill(flow.user_code);
  let captured: { headers: Record<string, string>; body: string } | null = null;
  await alice.page.route(/\/oauth\/device/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = { headers: route.request().headers(), body: route.request().postData() ?? "" };
    await route.abort();
  });
  await alice.page.getByRole("button", { name: "Continue" }).click();
  await expect.poll(() => captured).not.toBeNull();
  await alice.page.unrouteAll({ behavior: "ignoreErrors" });
  const forged = await alice.page.request.post(`${appOrigin}/oauth/device`, {
    headers: { "next-action": captured!.headers["next-action"]!, "content-type": captured!.headers["content-type"]!, accept: "text/x-component", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    data: captured!.body,
    maxRedirects: 0,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await forged.text()).not.toContain("Alice's CLI");
  const aliceUser = await testDb().user.findFirstOrThrow({ where: { email: alice.email } });
  expect(await testDb().oAuthRecord.count({ where: { kind: "DeviceCode", userId: aliceUser.id } })).toBe(0);

  // Alice enters it for real: it is hers now. Bob, with the same code, gets what an unknown code gets.
  await enterCode(alice.page, flow.user_code);
  await expect(alice.page.getByRole("heading", { name: "Connect Alice's CLI?" })).toBeVisible();
  await enterCode(bob.page, flow.user_code);
  await expect(codeError(bob.page)).toHaveText("That code is not valid or has expired. Check the code your device shows, or start again there.");
  await expect(bob.page.getByText("Alice's CLI")).toHaveCount(0);

  // Alice allows; the tokens are hers, and Bob has no grant.
  await alice.page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(alice.page.getByRole("heading", { name: "Device connected" })).toBeVisible();
  const tokens = await poll(clientId, flow.device_code);
  expect(tokens.status).toBe(200);
  const claims = JSON.parse(Buffer.from((tokens.body.access_token as string).split(".")[1]!, "base64url").toString("utf8")) as { sub: string };
  expect(claims.sub).toBe(aliceUser.id);
  const bobUser = await testDb().user.findFirstOrThrow({ where: { email: bob.email } });
  expect(await testDb().oAuthRecord.count({ where: { kind: "Grant", userId: bobUser.id } })).toBe(0);

  // Signed out, the page sends you to sign in first.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(`${appOrigin}/oauth/device`);
  await expect(strangerPage).toHaveURL(/\/login\?callbackUrl=%2Foauth%2Fdevice/);
  await stranger.close();
  await alice.close();
  await bob.close();
});
