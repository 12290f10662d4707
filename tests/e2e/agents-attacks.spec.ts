import crypto from "node:crypto";
import { importJWK, SignJWT, UnsecuredJWT, type JWK } from "jose";
import { expect, test } from "./support/test";
import { appOrigin } from "../support/ports";
import { signedInUser } from "./support/api-keys";
import { testDb } from "./support/db";
import { signInWithEmail, uniqueEmail } from "./support/users";
import { answerConsent, authorizationUrl, CALLBACK, callMcp, connectAgent, grantFor, openAuthorization, pkcePair, registerClient } from "./support/agents";

// What an attacker tries against the authorization server, the consent page and the resources.

const AUTH_SECRET = "e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz";

// The rig knows AUTH_SECRET, so it can open the stored signing key: tokens signed with the server's
// real key but wrong in one claim must still be refused.
async function realSigningKey() {
  const row = await testDb().oAuthSigningKey.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  const key = Buffer.from(crypto.hkdfSync("sha256", AUTH_SECRET, "keyline", "oauth signing key encryption", 32));
  const raw = Buffer.from(row.privateJwk, "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const jwk = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as JWK;
  return { kid: row.kid, key: await importJWK(jwk, "ES256"), publicJwk: JSON.parse(row.publicJwk) as JWK };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
}

test("PKCE is required (missing or plain refused) and redirect URIs must match exactly", async ({ browser }) => {
  const user = await signedInUser(browser, "pkce");
  const clientId = await registerClient(user.page.request);
  const base = { client_id: clientId, response_type: "code", redirect_uri: CALLBACK, scope: "models:read", resource: `${appOrigin}/mcp`, state: "st" };

  const missing = await openAuthorization(user.page, authorizationUrl(base));
  expect(missing.searchParams.get("error")).toBe("invalid_request");
  expect(missing.searchParams.get("error_description")).toMatch(/PKCE/);
  expect(missing.searchParams.get("code")).toBeNull();

  const plain = await openAuthorization(user.page, authorizationUrl({ ...base, code_challenge: "a".repeat(43), code_challenge_method: "plain" }));
  expect(plain.searchParams.get("error")).toBe("invalid_request");
  expect(plain.searchParams.get("code")).toBeNull();

  // An unregistered redirect URI is never redirected to: the server shows an error itself.
  const { challenge } = pkcePair();
  for (const redirect of ["https://evil.example/callback", `${CALLBACK}/extra`, "http://127.0.0.1:45998/callback"]) {
    const response = await user.page.goto(authorizationUrl({ ...base, redirect_uri: redirect, code_challenge: challenge, code_challenge_method: "S256" }));
    expect(response!.status()).toBe(400);
    expect(new URL(user.page.url()).origin).toBe(appOrigin);
    await expect(user.page.getByText("redirect_uri did not match any of the client's registered redirect_uris")).toBeVisible();
  }

  // A code is bound to its verifier: the wrong one gets nothing.
  const pair = pkcePair();
  const callback = await answerConsent(user.page, authorizationUrl({ ...base, code_challenge: pair.challenge, code_challenge_method: "S256" }));
  const exchange = await fetch(`${appOrigin}/api/oauth/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "authorization_code", code: callback.searchParams.get("code")!, redirect_uri: CALLBACK, client_id: clientId, code_verifier: pkcePair().verifier }),
  });
  expect(exchange.status).toBe(400);
  expect((await exchange.json()).error).toBe("invalid_grant");
  await user.close();
});

test("audience confusion: an /mcp token is refused on /v1 and a /v1 token on /mcp; API keys and cookies never reach /mcp", async ({ browser }) => {
  const user = await signedInUser(browser, "audience");
  const { provider } = await connectAgent(user.page);
  const mcpToken = provider.saved!.access_token;
  expect(claimsOf(mcpToken)).toMatchObject({ aud: `${appOrigin}/mcp`, iss: appOrigin });
  const onV1 = await fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Bearer ${mcpToken}` } });
  expect(onV1.status).toBe(401);
  expect((await onV1.json()).error.message).toContain("not issued for");

  const { accessToken: v1Token } = await grantFor(user.page, `${appOrigin}/v1`, "models:read");
  expect((await fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Bearer ${v1Token}` } })).status).toBe(200);
  expect((await callMcp(v1Token)).status).toBe(401);

  // The browser session's cookie alone: still a 401 with the discovery challenge.
  const withCookie = await user.page.request.post("/mcp", { data: { jsonrpc: "2.0", id: 1, method: "tools/list" } });
  expect(withCookie.status()).toBe(401);
  // An API key: refused like any bad token.
  const keyResponse = await user.page.request.post("/api/keys", { data: { name: "k", scopes: ["models:read"], expiresInDays: 7 } });
  const { key } = (await keyResponse.json()) as { key: string };
  expect((await callMcp(key)).status).toBe(401);
  // An unknown resource cannot be asked for at all.
  const clientId = await registerClient(user.page.request);
  const foreign = await openAuthorization(
    user.page,
    authorizationUrl({ client_id: clientId, response_type: "code", redirect_uri: CALLBACK, scope: "models:read", resource: "https://evil.example/api", code_challenge: pkcePair().challenge, code_challenge_method: "S256" }),
  );
  expect(foreign.searchParams.get("error")).toBe("invalid_target");
  await user.close();
});

test("forged tokens: alg none, HS256 keyed with the public key, expired, wrong issuer, unknown grant", async ({ browser }) => {
  const user = await signedInUser(browser, "forger");
  const { provider } = await connectAgent(user.page);
  const genuine = claimsOf(provider.saved!.access_token);
  expect((await callMcp(provider.saved!.access_token)).status).toBe(200);
  const { kid, key, publicJwk } = await realSigningKey();
  const now = Math.floor(Date.now() / 1000);

  const none = new UnsecuredJWT({ ...genuine }).encode();
  const hs256 = await new SignJWT({ ...genuine })
    .setProtectedHeader({ alg: "HS256", kid, typ: "at+jwt" })
    .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
  const sign = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid, typ: "at+jwt" }).sign(key);
  const expired = await sign({ ...genuine, iat: now - 700, exp: now - 100 });
  const notYet = await sign({ ...genuine, nbf: now + 300 });
  const wrongIssuer = await sign({ ...genuine, iss: "https://evil.example" });
  const unknownGrant = await sign({ ...genuine, gid: "not-a-grant-0123456789" });
  const tooLong = await sign({ ...genuine, iat: now, exp: now + 3600 });
  const control = await sign({ ...genuine });

  // The control (the server's key, genuine claims) passes: the refusals below are about what was changed.
  expect((await callMcp(control)).status).toBe(200);
  for (const token of [none, hs256, expired, notYet, wrongIssuer, unknownGrant, tooLong]) {
    expect((await callMcp(token)).status, token.slice(0, 40)).toBe(401);
    const v1 = await fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Bearer ${token}` } });
    expect(v1.status).toBe(401);
  }
  await user.close();
});

test("a token stops working when its user deletes the account, and the grants go with it", async ({ page }) => {
  const email = uniqueEmail("leaving-agent");
  await signInWithEmail(page, email);
  const { provider } = await connectAgent(page);
  expect((await callMcp(provider.saved!.access_token)).status).toBe(200);
  const user = await testDb().user.findUniqueOrThrow({ where: { email } });
  expect(await testDb().oAuthRecord.count({ where: { userId: user.id, kind: "Grant" } })).toBe(1);

  await page.goto("/settings/account");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login/);

  expect(await testDb().oAuthRecord.count({ where: { userId: user.id } })).toBe(0);
  expect((await callMcp(provider.saved!.access_token)).status).toBe(401);
});

test("a token lacking a tool's scope gets 403 insufficient_scope", async ({ browser }) => {
  const user = await signedInUser(browser, "narrow");
  const { accessToken } = await grantFor(user.page, `${appOrigin}/mcp`, "models:read");
  expect((await callMcp(accessToken, { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_models", arguments: {} } })).status).toBe(200);
  const refused = await callMcp(accessToken, { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list_threads", arguments: {} } });
  expect(refused.status).toBe(403);
  expect(refused.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
  expect(refused.headers.get("www-authenticate")).toContain('scope="threads:read"');
  await user.close();
});

test("consent: Deny sends access_denied; a cross-site post of Allow grants nothing; a signed-out visit goes to sign-in first", async ({ browser }) => {
  const user = await signedInUser(browser, "consenter");
  const clientId = await registerClient(user.page.request);
  const start = () =>
    authorizationUrl({ client_id: clientId, response_type: "code", redirect_uri: CALLBACK, scope: "models:read", resource: `${appOrigin}/mcp`, code_challenge: pkcePair().challenge, code_challenge_method: "S256", state: "x" });

  const denied = await answerConsent(user.page, start(), "Deny");
  expect(denied.searchParams.get("error")).toBe("access_denied");
  expect(denied.searchParams.get("code")).toBeNull();

  // The Allow post, captured and replayed from another site with the user's cookies.
  await user.page.goto(start());
  await expect(user.page.getByRole("heading", { name: /^Connect / })).toBeVisible();
  await expect(user.page.getByTestId("consent-warning")).toContainText("registered itself");
  await expect(user.page.getByTestId("consent-redirect-host")).toHaveText("127.0.0.1:45999");
  let captured: { headers: Record<string, string>; body: string } | null = null;
  await user.page.route(/\/oauth\/consent\//, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = { headers: route.request().headers(), body: route.request().postData() ?? "" };
    await route.abort();
  });
  await user.page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect.poll(() => captured).not.toBeNull();
  const forged = await user.page.request.post(user.page.url(), {
    headers: {
      "next-action": captured!.headers["next-action"]!,
      "content-type": captured!.headers["content-type"]!,
      accept: "text/x-component",
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    },
    data: captured!.body,
    maxRedirects: 0,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  const owner = await testDb().user.findFirstOrThrow({ where: { email: user.email } });
  expect(await testDb().oAuthRecord.count({ where: { userId: owner.id, kind: "Grant" } })).toBe(0);
  // The same replay from our own origin goes through: the refusal above was the cross-site rule.
  const genuine = await user.page.request.post(user.page.url(), {
    headers: { "next-action": captured!.headers["next-action"]!, "content-type": captured!.headers["content-type"]!, accept: "text/x-component", origin: appOrigin, "sec-fetch-site": "same-origin" },
    data: captured!.body,
    maxRedirects: 0,
  });
  expect(genuine.status()).toBe(200);
  expect(await testDb().oAuthRecord.count({ where: { userId: owner.id, kind: "Grant" } })).toBe(1);

  // Clickjacking: the consent page may not be framed.
  const page = await user.page.request.get(user.page.url());
  expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page.headers()["x-frame-options"]).toBe("DENY");

  // Signed out, an authorization request lands on sign-in, which comes back to the consent page.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(start());
  await expect(strangerPage).toHaveURL(/\/login\?callbackUrl=%2Foauth%2Fconsent%2F/);
  await stranger.close();
  await user.close();
});

test("another user's grant id on Disconnect answers like an unknown one and revokes nothing", async ({ browser }) => {
  const alice = await signedInUser(browser, "alice-agent");
  await connectAgent(alice.page, "Alice Agent");
  const aliceUser = await testDb().user.findFirstOrThrow({ where: { email: alice.email } });
  const alicesGrant = await testDb().oAuthRecord.findFirstOrThrow({ where: { userId: aliceUser.id, kind: "Grant" } });

  const bob = await signedInUser(browser, "bob-agent");
  await connectAgent(bob.page, "Bob Agent");
  const bobUser = await testDb().user.findFirstOrThrow({ where: { email: bob.email } });
  const bobsGrant = await testDb().oAuthRecord.findFirstOrThrow({ where: { userId: bobUser.id, kind: "Grant" } });

  let target = alicesGrant.grantId!;
  await bob.page.route("**/settings/security", async (route) => {
    const body = route.request().postData();
    if (route.request().method() !== "POST" || !body) return route.continue();
    await route.continue({ postData: body.replaceAll(bobsGrant.grantId!, target) });
  });
  for (const id of [alicesGrant.grantId!, "unknown-grant-0123456789"]) {
    target = id;
    await bob.page.goto("/settings/security");
    bob.page.once("dialog", (dialog) => void dialog.accept());
    const row = bob.page.getByTestId("connected-app-row");
    await row.getByRole("button", { name: "Disconnect Bob Agent" }).click();
    await expect(row.getByRole("alert")).toHaveText("That connected app does not exist.");
  }
  expect(await testDb().oAuthRecord.count({ where: { grantId: alicesGrant.grantId } })).toBeGreaterThan(0);
  expect(await testDb().oAuthRecord.count({ where: { grantId: bobsGrant.grantId } })).toBeGreaterThan(0);
  await alice.close();
  await bob.close();
});
