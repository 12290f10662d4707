import { expect, test } from "./support/test";
import { testDb } from "./support/db";
import { signInWithEmail, uniqueEmail } from "./support/users";

test("the export holds the user's data and nobody else's", async ({ browser }) => {
  const alice = uniqueEmail("alice");
  const bob = uniqueEmail("bob");
  const bobContext = await browser.newContext();
  await signInWithEmail(await bobContext.newPage(), bob);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithEmail(page, alice);
  await page.goto("/settings/account");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export my data (JSON)" }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(file, "utf8");
  const data = JSON.parse(text);
  expect(data.user.email).toBe(alice);
  expect(data.sessions.length).toBeGreaterThanOrEqual(1);
  expect(data.securityEvents.some((event: { type: string }) => event.type === "sign_in")).toBe(true);
  expect(text).not.toContain(bob);
  expect(text).not.toMatch(/sessionToken|"hash"/);
  await context.close();
  await bobContext.close();
});

test("deleting the account needs a recent sign-in, then leaves no rows of the user", async ({ page }) => {
  const email = uniqueEmail("leaver");
  await signInWithEmail(page, email);
  const db = testDb();
  const user = await db.user.findUniqueOrThrow({ where: { email } });

  // A session older than ten minutes must sign in again first.
  await db.session.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
  await page.goto("/settings/account");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#delete-error")).toContainText("sign in again");
  await expect(page.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", /reauth=1/);
  expect(await db.user.count({ where: { id: user.id } })).toBe(1);

  await db.session.updateMany({ where: { userId: user.id }, data: { createdAt: new Date() } });
  await page.getByLabel("Type DELETE to confirm").fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#delete-error")).toContainText("Type DELETE");

  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login/);

  const where = { where: { userId: user.id } };
  const counts = await Promise.all([
    db.user.count({ where: { id: user.id } }),
    db.session.count(where),
    db.account.count(where),
    db.passkey.count(where),
    db.thread.count(where),
    db.message.count(where),
    db.apiKey.count(where),
    db.securityEvent.count(where),
    db.verificationToken.count({ where: { identifier: email } }),
  ]);
  expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  expect((await page.request.get("/api/threads")).status()).toBe(401);
});
