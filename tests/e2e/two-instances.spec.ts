import OpenAI from "openai";
import { startAppProcess, type AppProcess } from "./support/app-process";
import { createKey, openaiClient } from "./support/api-keys";
import { startRedis, type RedisServer } from "./support/redis";
import { expect, test } from "./support/test";
import { signInWithEmail, signOut, uniqueEmail } from "./support/users";
import { assert, attest, newCredential, userHandleOf } from "../support/soft-authenticator";
import { testDb } from "./support/db";
import { signedInAdmin } from "./support/admin";

// Never retried on CI: an attack or a limit that fails once may be a real race, not a slow machine.
test.describe.configure({ retries: 0 });

const SESSION_COOKIE = "authjs.session-token";

// Two production servers, A and B, on different ports, sharing one PostgreSQL (the rig's) and one Redis:
// nothing a request needs may live in one process's memory. Several instances run on PostgreSQL only.
test.skip(!process.env.DATABASE_URL?.startsWith("postgres"), "several instances run on PostgreSQL");
test.describe.configure({ mode: "serial" });

let redis: RedisServer;
let a: AppProcess;
let b: AppProcess;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, RATE_LIMIT_API_KEY: "10/1m" };
  [a, b] = await Promise.all([startAppProcess({ name: "instance-a", env }), startAppProcess({ name: "instance-b", env })]);
});

test.afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  await redis?.stop();
});

const threadsWith = (origin: string, token: string) => fetch(`${origin}/api/threads`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } }).then((r) => r.status);

test("a session made through A works on B; signing out on B refuses it on A at once", async ({ page }) => {
  const email = uniqueEmail("two");
  await signInWithEmail(page, email, a.origin);
  const token = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!.value;
  expect(await threadsWith(a.origin, token)).toBe(200);

  // The browser sends the same cookie to B (cookies are per host, not per port); B finds the session.
  await page.goto(`${b.origin}/chat`);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  expect(await threadsWith(b.origin, token)).toBe(200);

  await signOut(page);
  expect(await threadsWith(a.origin, token)).toBe(401);
  expect(await threadsWith(b.origin, token)).toBe(401);
});

test("a per-key limit of 10 is exact across both instances, counted in Redis", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("limit"), a.origin);
  const { key } = await createKey(page, { scopes: ["models:read"] });
  const clients = [openaiClient(key, a.origin), openaiClient(key, b.origin)];
  const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => clients[i % 2]!.models.list()));
  const served = outcomes.filter((o) => o.status === "fulfilled").length;
  const limited = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof OpenAI.RateLimitError).length;
  expect({ served, limited }).toEqual({ served: 10, limited: 20 });
  // Both instances counted in the shared store, not in the database or in memory.
  expect((await redis.client.keys("rl:api_key*")).length).toBeGreaterThan(0);
});

test("a passkey challenge issued by A is accepted by B, for registration and for sign-in", async ({ page, request }) => {
  const email = uniqueEmail("passkey");
  await signInWithEmail(page, email, a.origin);
  const user = await testDb().user.findUniqueOrThrow({ where: { email } });
  const credential = newCredential({ userHandle: userHandleOf(user.id) });
  // The browser would be on B's origin when it talks to B.
  const onB = { origin: b.origin, rpId: "localhost" };

  const registerOptions = await (await page.request.post(`${a.origin}/api/passkeys/register/options`)).json();
  const registered = await page.request.post(`${b.origin}/api/passkeys/register/verify`, {
    data: { response: attest(credential, { challenge: registerOptions.challenge, ...onB }) },
  });
  expect(registered.status(), await registered.text()).toBe(201);

  const signInOptions = await (await request.post(`${a.origin}/api/passkeys/authenticate/options`)).json();
  const signedIn = await request.post(`${b.origin}/api/passkeys/authenticate/verify`, {
    data: { response: assert(credential, { challenge: signInOptions.challenge, ...onB, userHandle: userHandleOf(user.id) }) },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  expect(signedIn.headers()["set-cookie"]).toContain(SESSION_COOKIE);

  // Single use across instances too: the same challenge replayed on A is refused.
  const replay = await request.post(`${a.origin}/api/passkeys/authenticate/verify`, {
    data: { response: assert(credential, { challenge: signInOptions.challenge, origin: a.origin, rpId: "localhost", userHandle: userHandleOf(user.id) }) },
  });
  expect(replay.status()).toBe(401);
});

test("a suspension made on A stops the user's browser session and API key on their next request on A and on B", async ({ page, browser }) => {
  const email = uniqueEmail("two-suspended");
  await signInWithEmail(page, email, a.origin);
  const token = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!.value;
  const { key } = await createKey(page, { scopes: ["models:read"], origin: a.origin });
  const keyStatus = (origin: string) => fetch(`${origin}/v1/models`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);
  // Both instances have seen the session and the key (anything kept in memory would show up now).
  for (const origin of [a.origin, b.origin]) {
    expect(await threadsWith(origin, token)).toBe(200);
    expect(await keyStatus(origin)).toBe(200);
  }
  const admin = await signedInAdmin(browser, 22, a.origin);
  const user = await testDb().user.findUniqueOrThrow({ where: { email } });
  const suspended = await admin.page.request.patch(`${a.origin}/api/admin/users/${user.id}`, { data: { status: "suspended", reason: "two instances" } });
  expect(suspended.status()).toBe(200);
  for (const origin of [a.origin, b.origin]) {
    expect(await threadsWith(origin, token)).toBe(401);
    expect(await keyStatus(origin)).toBe(401);
  }
  await admin.close();
});
