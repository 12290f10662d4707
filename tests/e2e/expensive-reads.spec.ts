import { expect, test } from "./support/test";
import { ports } from "../support/ports";
import { startAppProcess, type AppProcess } from "./support/app-process";
import { signInWithEmail, uniqueEmail } from "./support/users";

// Never retried on CI: a limit that fails once may be a real race, not a slow machine.
test.describe.configure({ retries: 0 });

function expectRateLimited(response: { status(): number; headers(): Record<string, string> }, limit: number) {
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  expect(response.headers()["ratelimit-policy"]).toContain(`q=${limit}`);
  expect(response.headers()["ratelimit-remaining"]).toBe("0");
}

test.describe("per-user limits on reads of a whole history", () => {
  let app: AppProcess;
  test.beforeEach(async ({}, testInfo) => {
    app = await startAppProcess({
      name: "reads-limited-app",
      port: ports.limitedApp + 70 + testInfo.parallelIndex,
      // The rig's per-IP sign-in budgets (every test signs in from 127.0.0.1), with small read limits.
      env: { RATE_LIMIT_EXPORT: "2/1h", RATE_LIMIT_SEARCH: "3/1m", RATE_LIMIT_SIGNIN_IP: "1000/15m", RATE_LIMIT_PASSKEY_CHALLENGE_IP: "1000/15m" },
    });
  });
  test.afterEach(async () => {
    await app.stop();
  });

  test("the account export answers 429 after RATE_LIMIT_EXPORT downloads", async ({ page }) => {
    await signInWithEmail(page, uniqueEmail("export-limit"), app.origin);
    for (let i = 1; i <= 2; i++) {
      const ok = await page.request.get(`${app.origin}/api/account/export`);
      expect(ok.status(), `export ${i}`).toBe(200);
      expect(ok.headers()["ratelimit-remaining"]).toBe(String(2 - i));
    }
    const refused = await page.request.get(`${app.origin}/api/account/export`);
    expectRateLimited(refused, 2);
    expect(await refused.json()).toEqual({ error: { code: "rate_limited:too_many_requests", message: expect.stringContaining("Too many exports") } });
  });

  test("thread search answers 429 after RATE_LIMIT_SEARCH searches; plain listing is not counted", async ({ page }) => {
    await signInWithEmail(page, uniqueEmail("search-limit"), app.origin);
    for (let i = 1; i <= 3; i++) expect((await page.request.get(`${app.origin}/api/threads?q=needle${i}`)).status(), `search ${i}`).toBe(200);
    const refused = await page.request.get(`${app.origin}/api/threads?q=needle`);
    expectRateLimited(refused, 3);
    expect((await refused.json()).error.code).toBe("rate_limited:too_many_requests");
    expect((await page.request.get(`${app.origin}/api/threads`)).status()).toBe(200);
  });
});

test("creating an API key takes JSON only (415) and at most 4 kB (413)", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("key-body"));
  const body = { name: "ci", scopes: ["models:read"], expiresInDays: 90 };
  const notJson = await page.request.post("/api/keys", { headers: { "content-type": "text/plain" }, data: JSON.stringify(body) });
  expect(notJson.status()).toBe(415);
  expect((await notJson.json()).error.code).toBe("unsupported_media_type:body");

  const tooLarge = await page.request.post("/api/keys", { data: { ...body, name: "x".repeat(8000) } });
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).error.code).toBe("payload_too_large:body");

  // Nothing was created by either; a proper request still works.
  expect(((await (await page.request.get("/api/keys")).json()) as { keys: unknown[] }).keys).toHaveLength(0);
  expect((await page.request.post("/api/keys", { data: body })).status()).toBe(201);
});
