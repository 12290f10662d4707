import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { appOrigin } from "../support/ports";
import { assert, attest, newCredential, userHandleOf } from "../support/soft-authenticator";
import { testDb } from "./support/db";
import { addPasskeyInSettings, addVirtualAuthenticator, postFromAddress, userByEmail, withoutPasskeyAutofill } from "./support/passkeys";
import { signInWithEmail, uniqueEmail } from "./support/users";

// Never retried on CI: an attack or a limit that fails once may be a real race, not a slow machine.
test.describe.configure({ retries: 0 });

const VERIFY = "**/api/passkeys/authenticate/verify";
const rp = { origin: appOrigin, rpId: "localhost" };

async function signedOutWithPasskey(page: Page) {
  await withoutPasskeyAutofill(page.context());
  const authenticator = await addVirtualAuthenticator(page);
  const email = uniqueEmail();
  await signInWithEmail(page, email);
  await addPasskeyInSettings(page);
  await page.context().clearCookies();
  await page.goto("/login");
  return { authenticator, email, user: await userByEmail(email) };
}

const hasSessionCookie = async (page: Page) => (await page.context().cookies()).some((c) => c.name.includes("session-token"));

test("the same authenticator cannot be registered twice for an account", async ({ page, context }) => {
  await withoutPasskeyAutofill(context);
  await addVirtualAuthenticator(page);
  const email = uniqueEmail();
  await signInWithEmail(page, email);
  await addPasskeyInSettings(page);

  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/already has a passkey for your account/);
  expect(await testDb().passkey.count({ where: { userId: (await userByEmail(email)).id } })).toBe(1);
});

test("a replayed sign-in response is refused", async ({ page, request }) => {
  const { user } = await signedOutWithPasskey(page);
  let captured: string | null = null;
  await page.route(VERIFY, async (route) => {
    captured = route.request().postData();
    await route.continue();
  });
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/chat$/);
  expect(captured).not.toBeNull();

  // The attacker holds the exact bytes the browser sent and posts them again from elsewhere.
  const replay = await request.post("/api/passkeys/authenticate/verify", { headers: { "content-type": "application/json" }, data: captured! });
  expect(replay.status()).toBe(401);
  expect((await replay.json()).error.code).toBe("unauthorized:passkey_challenge");
  expect(replay.headers()["set-cookie"]).toBeUndefined();
  expect(await testDb().session.count({ where: { userId: user.id, method: "passkey" } })).toBe(1);
});

test("an expired challenge is refused", async ({ page }) => {
  const { user } = await signedOutWithPasskey(page);
  await page.route(VERIFY, async (route) => {
    const body = JSON.parse(route.request().postData()!) as { response: { response: { clientDataJSON: string } } };
    const { challenge } = JSON.parse(Buffer.from(body.response.response.clientDataJSON, "base64url").toString()) as { challenge: string };
    const { count } = await testDb().webAuthnChallenge.updateMany({ where: { challenge }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(count).toBe(1);
    await route.continue();
  });
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "expired" })).toHaveText("This passkey request expired or was already used. Please try again.");
  await expect(page).toHaveURL(/\/login/);
  expect(await hasSessionCookie(page)).toBe(false);
  expect(await testDb().session.count({ where: { userId: user.id, method: "passkey" } })).toBe(0);
});

test("a removed passkey no longer signs in", async ({ page, context }) => {
  await withoutPasskeyAutofill(context);
  const authenticator = await addVirtualAuthenticator(page);
  const email = uniqueEmail();
  await signInWithEmail(page, email);
  await addPasskeyInSettings(page);
  const item = page.getByRole("listitem", { name: "Chrome on Windows" });
  await item.getByRole("button", { name: "Remove Chrome on Windows" }).click();
  await item.getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  expect(await authenticator.credentials()).toHaveLength(1); // still on the device

  await context.clearCookies();
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "registered" })).toContainText("This passkey isn't registered with Keyline.");
  await expect(page).toHaveURL(/\/login/);
  expect(await hasSessionCookie(page)).toBe(false);
  const user = await userByEmail(email);
  expect(await testDb().securityEvent.count({ where: { userId: user.id, type: "passkey_removed" } })).toBe(1);
});

test("another user cannot rename, remove, register or sign in with someone else's passkey", async ({ page, browser }) => {
  // Alice has a passkey.
  await addVirtualAuthenticator(page);
  const alice = uniqueEmail("alice");
  await signInWithEmail(page, alice);
  await addPasskeyInSettings(page);
  const alicesPasskey = await testDb().passkey.findFirstOrThrow({ where: { user: { email: alice } } });

  // Bob signs in with his own passkey, then tampers with his own requests to aim at Alice's.
  const bobContext = await browser.newContext();
  await withoutPasskeyAutofill(bobContext);
  const bobPage = await bobContext.newPage();
  await addVirtualAuthenticator(bobPage);
  const bob = uniqueEmail("bob");
  await signInWithEmail(bobPage, bob);
  await addPasskeyInSettings(bobPage);
  const bobsPasskey = await testDb().passkey.findFirstOrThrow({ where: { user: { email: bob } } });

  let target = alicesPasskey.id;
  await bobPage.route("**/settings/security", async (route) => {
    const body = route.request().postData();
    if (route.request().method() !== "POST" || !body) return route.continue();
    await route.continue({ postData: body.replaceAll(bobsPasskey.id, target) });
  });
  const item = bobPage.getByRole("listitem", { name: "Chrome on Windows" });
  for (const id of [alicesPasskey.id, randomUUID()]) {
    target = id;
    await bobPage.reload();
    await item.getByRole("button", { name: "Remove Chrome on Windows" }).click();
    await item.getByRole("button", { name: "Remove passkey" }).click();
    // Someone else's passkey and one that does not exist get the same answer.
    await expect(item.getByRole("alert")).toHaveText("That passkey does not exist.");

    await bobPage.reload();
    await item.getByRole("button", { name: "Rename Chrome on Windows" }).click();
    await item.getByLabel("Passkey name").fill("Owned by Bob");
    await item.getByRole("button", { name: "Save" }).click();
    await expect(item.getByRole("alert")).toHaveText("That passkey does not exist.");
  }
  expect(await testDb().passkey.findUnique({ where: { id: alicesPasskey.id } })).toMatchObject({ userId: alicesPasskey.userId, name: alicesPasskey.name });
  expect(await testDb().passkey.count({ where: { id: bobsPasskey.id } })).toBe(1);

  // Bob registers a credential of his own making that carries Alice's credential id: one credential, one user.
  const bobUser = await userByEmail(bob);
  const copy = newCredential({ userHandle: userHandleOf(bobUser.id), id: alicesPasskey.credentialId });
  const registerOptions = await (await bobPage.request.post("/api/passkeys/register/options")).json();
  const registration = await bobPage.request.post("/api/passkeys/register/verify", {
    data: { response: attest(copy, { challenge: registerOptions.challenge, ...rp }) },
  });
  expect(registration.status()).toBe(409);
  expect((await registration.json()).error.code).toBe("conflict:passkey_exists");

  // Bob signs in presenting Alice's credential id, with his own key, as himself or as Alice.
  for (const [userHandle, code] of [
    [userHandleOf(bobUser.id), "unauthorized:passkey_user"],
    [userHandleOf(alicesPasskey.userId), "unauthorized:passkey_invalid"],
  ] as const) {
    const options = await (await bobPage.request.post("/api/passkeys/authenticate/options")).json();
    const verify = await bobPage.request.post("/api/passkeys/authenticate/verify", {
      data: { response: assert(copy, { challenge: options.challenge, ...rp, userHandle }) },
    });
    expect(verify.status()).toBe(401);
    expect((await verify.json()).error.code).toBe(code);
    expect(verify.headers()["set-cookie"]).toBeUndefined();
  }
  expect(await testDb().passkey.findUniqueOrThrow({ where: { id: alicesPasskey.id } })).toMatchObject({ counter: alicesPasskey.counter });
  await bobContext.close();
});

test("a genuine assertion relabelled with another user's handle is refused", async ({ page }) => {
  const { user } = await signedOutWithPasskey(page);
  const other = await testDb().user.create({ data: { email: uniqueEmail("other"), emailVerified: new Date() } });
  await page.route(VERIFY, async (route) => {
    const body = JSON.parse(route.request().postData()!) as { response: { response: { userHandle?: string } } };
    body.response.response.userHandle = userHandleOf(other.id);
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "verified" })).toHaveText("This passkey could not be verified. Please try again.");
  expect(await hasSessionCookie(page)).toBe(false);
  expect(await testDb().session.count({ where: { userId: { in: [user.id, other.id] }, method: "passkey" } })).toBe(0);
  const failure = await testDb().securityEvent.findFirst({ where: { userId: user.id, type: "sign_in_failed" } });
  expect(failure?.detail).toMatchObject({ method: "passkey", reason: "user_handle_mismatch" });
});

test("passkey routes refuse cross-site posts and registration without a session", async ({ request, page }) => {
  const crossSite = await request.post("/api/passkeys/authenticate/verify", {
    headers: { origin: "https://evil.test", "content-type": "application/json" },
    data: {},
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("forbidden:cross_origin");

  const anonymous = await request.post("/api/passkeys/register/options");
  expect(anonymous.status()).toBe(401);

  await signInWithEmail(page, uniqueEmail());
  const forged = await page.request.post("/api/passkeys/register/options", { headers: { "sec-fetch-site": "cross-site" } });
  expect(forged.status()).toBe(403);
});

// A loopback address of the test's own, so the browser tests on 127.0.0.1 keep their budgets.
const ownLoopbackAddress = () =>
  `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;

// Spends a route's whole per-IP budget from one address (in batches: the rig's limits are high so the
// browser tests are not throttled) and returns the refused request that follows.
async function exhaust(address: string, path: string) {
  const first = await postFromAddress(address, path, {});
  expect(first.status).not.toBe(429);
  const remaining = Number(first.headers["ratelimit-remaining"]);
  expect(remaining).toBeGreaterThan(0);
  for (let sent = 0; sent < remaining; sent += 25) {
    const batch = Array.from({ length: Math.min(25, remaining - sent) }, () => postFromAddress(address, path, {}));
    expect((await Promise.all(batch)).map((response) => response.status)).not.toContain(429);
  }
  return postFromAddress(address, path, {});
}

test("passkey sign-in attempts are limited per IP address", async () => {
  test.setTimeout(120_000); // a thousand requests on a machine shared with other test runs
  const address = ownLoopbackAddress();
  const refused = await exhaust(address, "/api/passkeys/authenticate/verify");
  expect(refused.status).toBe(429);
  expect(refused.json).toMatchObject({ error: { code: "rate_limited:too_many_requests" } });
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  expect(refused.headers["ratelimit-remaining"]).toBe("0");
});

test("fetching passkey challenges, as every visit to the sign-in page does, spends no sign-in attempts and has a limit of its own", async () => {
  test.setTimeout(120_000);
  const address = ownLoopbackAddress();
  for (let i = 0; i < 5; i++) expect((await postFromAddress(address, "/api/passkeys/authenticate/options", {})).status).toBe(200);
  const attempt = await postFromAddress(address, "/api/passkeys/authenticate/verify", {});
  expect(attempt.status).toBe(400);
  expect(Number(attempt.headers["ratelimit-remaining"])).toBe(Number(attempt.headers["ratelimit-limit"]) - 1);

  const refused = await exhaust(address, "/api/passkeys/authenticate/options");
  expect(refused.status).toBe(429);
  expect(refused.json).toMatchObject({ error: { code: "rate_limited:too_many_requests" } });
  // Out of challenges is not out of sign-in attempts.
  expect((await postFromAddress(address, "/api/passkeys/authenticate/verify", {})).status).toBe(400);
});
