import { expect, test, type Browser } from "./support/test";
import { signInWithEmail, uniqueEmail } from "./support/users";

// Never retried on CI: an attack or a limit that fails once may be a real race, not a slow machine.
test.describe.configure({ retries: 0 });

async function signedInContext(browser: Browser, email: string, userAgent?: string) {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  await signInWithEmail(page, email);
  return { context, page };
}

const FIREFOX_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";

test("a session revoked from another browser is refused on its very next request", async ({ browser }) => {
  const email = uniqueEmail();
  const laptop = await signedInContext(browser, email);
  const phone = await signedInContext(browser, email, FIREFOX_UA);

  await laptop.page.goto("/settings/security");
  const rows = laptop.page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Firefox 140 on Windows" })).toHaveCount(1);

  await laptop.page.getByRole("button", { name: "Revoke Firefox 140 on Windows" }).click();
  await expect(rows).toHaveCount(1);

  expect((await phone.context.request.get("/api/threads")).status()).toBe(401);
  await phone.page.goto("/chat");
  await expect(phone.page).toHaveURL(/\/login/);
  // The revoking browser is untouched.
  expect((await laptop.context.request.get("/api/threads")).status()).toBe(200);

  await laptop.page.goto("/settings/security");
  await expect(laptop.page.getByTestId("security-event").filter({ hasText: "Sessions signed out" })).toHaveCount(1);
  await laptop.context.close();
  await phone.context.close();
});

test("sign out all other sessions, then everywhere", async ({ browser }) => {
  const email = uniqueEmail();
  const a = await signedInContext(browser, email);
  const b = await signedInContext(browser, email);
  const c = await signedInContext(browser, email);

  await a.page.goto("/settings/security");
  await a.page.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(a.page.getByRole("status")).toHaveText("Signed out 2 other sessions.");
  expect((await b.context.request.get("/api/threads")).status()).toBe(401);
  expect((await c.context.request.get("/api/threads")).status()).toBe(401);
  expect((await a.context.request.get("/api/threads")).status()).toBe(200);

  const cookieBefore = (await a.context.cookies()).find((cookie) => cookie.name === "authjs.session-token")!.value;
  a.page.once("dialog", (dialog) => dialog.accept());
  await a.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a.page).toHaveURL(/\/login/);
  // Replaying the old cookie gets nothing.
  const replay = await browser.newContext();
  await replay.addCookies([{ name: "authjs.session-token", value: cookieBefore, url: a.page.url() }]);
  expect((await replay.request.get("/api/threads")).status()).toBe(401);
  for (const ctx of [a, b, c]) await ctx.context.close();
  await replay.close();
});

test("a sign-in from a new device is logged and mailed to the user", async ({ browser }) => {
  const email = uniqueEmail();
  const first = await signedInContext(browser, email);
  const second = await signedInContext(browser, email, FIREFOX_UA);
  const { mailTo } = await import("./support/mail");
  await expect.poll(async () => (await mailTo(email)).filter((m) => m.subject.includes("New sign-in")).length).toBe(1);
  const notice = (await mailTo(email)).find((m) => m.subject.includes("New sign-in"))!;
  expect(notice.text).toContain("Firefox 140 on Windows");

  await second.page.goto("/settings/security");
  await expect(second.page.getByTestId("security-event").filter({ hasText: "Sign-in from a new device" })).toHaveCount(1);
  await first.context.close();
  await second.context.close();
});
