import { expect, test } from "./support/test";
import { sha256Hex } from "../../lib/auth/tokens";
import { testDb } from "./support/db";
import { signInWithEmail, signOut, uniqueEmail } from "./support/users";

test("without a session cookie, pages redirect (307) and APIs answer 401 JSON", async ({ request }) => {
  for (const path of ["/chat", "/chat/00000000-0000-4000-8000-000000000000", "/settings/security"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    const location = new URL(response.headers().location!, "http://x.invalid");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe(path);
  }
  const api = await request.get("/api/threads");
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: { code: "unauthorized:session", message: expect.any(String) } });
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a forged session cookie passes the gate but not the guard", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: "authjs.session-token", value: "forged-token-value", url: baseURL! }]);
  const page = await context.newPage();
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fchat$/);
  const api = await context.request.get("/api/threads");
  expect(api.status()).toBe(401);
  await context.close();
});

test("the database holds only a hash of the session token, and a signed-out cookie is dead", async ({ page, baseURL }) => {
  const email = uniqueEmail();
  await signInWithEmail(page, email);
  const token = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!.value;
  expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url

  const user = await testDb().user.findUniqueOrThrow({ where: { email } });
  const rows = await testDb().session.findMany({ where: { userId: user.id }, omit: { sessionToken: false } });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.sessionToken).toBe(sha256Hex(token));
  expect(rows[0]!.sessionToken).not.toContain(token);
  // Using the stored value as a cookie signs nobody in.
  const thief = await page.context().browser()!.newContext();
  await thief.addCookies([{ name: "authjs.session-token", value: rows[0]!.sessionToken, url: baseURL! }]);
  expect((await thief.request.get("/api/threads")).status()).toBe(401);

  await signOut(page);
  await expect(page).toHaveURL(/\/login/);
  const replay = await page.context().browser()!.newContext();
  await replay.addCookies([{ name: "authjs.session-token", value: token, url: baseURL! }]);
  expect((await replay.request.get("/api/threads")).status()).toBe(401);
  await thief.close();
  await replay.close();
});

test("a signed-in user's API call succeeds with the session cookie", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail());
  const response = await page.request.get("/api/threads");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ threads: [], nextCursor: null });
});
