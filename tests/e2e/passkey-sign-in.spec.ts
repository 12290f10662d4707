import { expect, test } from "./support/test";
import { testDb } from "./support/db";
import { addPasskeyInSettings, addVirtualAuthenticator, userByEmail, withoutPasskeyAutofill } from "./support/passkeys";
import { signInWithEmail, signOut, uniqueEmail } from "./support/users";

test("a person adds a passkey after email sign-in, signs out, and signs in with the passkey alone", async ({ page, context }) => {
  await withoutPasskeyAutofill(context);
  const authenticator = await addVirtualAuthenticator(page);
  const email = uniqueEmail();
  await signInWithEmail(page, email);
  await addPasskeyInSettings(page);
  const user = await userByEmail(email);

  const item = page.getByRole("listitem", { name: "Chrome on Windows" });
  await expect(item).toContainText("Never used");
  const [credential] = await authenticator.credentials();
  const stored = await testDb().passkey.findFirstOrThrow({ where: { userId: user.id } });
  expect(Buffer.from(stored.credentialId, "base64url").toString("base64")).toBe(credential!.credentialId);
  expect(credential!.userHandle).toBe(Buffer.from(user.id).toString("base64url"));
  expect(await testDb().securityEvent.count({ where: { userId: user.id, type: "passkey_added" } })).toBe(1);

  await signOut(page);
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fchat$/);

  // No email typed: the discoverable credential names the account.
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);

  // The same session system as every other sign-in: Auth.js's cookie and a hashed database row.
  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  const sessions = await testDb().session.findMany({ where: { userId: user.id, method: "passkey" }, omit: { sessionToken: false } });
  expect(sessions).toHaveLength(1);
  expect(sessions[0]!.sessionToken).not.toBe(cookie!.value);
  expect(sessions[0]!.sessionToken).toMatch(/^[0-9a-f]{64}$/);
  expect(Math.abs(cookie!.expires - sessions[0]!.expires.getTime() / 1000)).toBeLessThan(2);
  expect(sessions[0]!.userAgent).toContain("Chrome");
  const signIn = await testDb().securityEvent.findFirst({ where: { userId: user.id, type: "sign_in" }, orderBy: { createdAt: "desc" } });
  expect(signIn?.detail).toMatchObject({ method: "passkey" });
  expect((await testDb().passkey.findUniqueOrThrow({ where: { id: stored.id } })).lastUsedAt).not.toBeNull();

  // Auth.js's own sign-out ends the passkey session through the adapter.
  await signOut(page);
  await expect(page).toHaveURL(/\/login/);
  expect(await testDb().session.count({ where: { userId: user.id, method: "passkey" } })).toBe(0);
  await page.goto("/settings/security");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fsecurity$/);
});

test("passkey autofill on the email field signs the person in and returns them where they were going", async ({ page, context }) => {
  await addVirtualAuthenticator(page);
  const email = uniqueEmail();
  await signInWithEmail(page, email);
  await addPasskeyInSettings(page);
  await context.clearCookies();

  // Chromium's virtual authenticator answers an autofill (conditional) request at once, as if the person
  // picked their passkey from the email field's suggestions. No button is pressed.
  await page.goto("/settings/security");
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  const user = await userByEmail(email);
  expect(await testDb().session.count({ where: { userId: user.id, method: "passkey" } })).toBe(1);
});

test("a passkey confirms it's you before a security change", async ({ page, context }) => {
  await withoutPasskeyAutofill(context);
  await addVirtualAuthenticator(page);
  const email = uniqueEmail();
  await signInWithEmail(page, email);
  await addPasskeyInSettings(page);
  const user = await userByEmail(email);
  await testDb().session.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
  const oldSessions = await testDb().session.findMany({ where: { userId: user.id }, select: { id: true } });

  await page.reload();
  const item = page.getByRole("listitem", { name: "Chrome on Windows" });
  await item.getByRole("button", { name: "Remove Chrome on Windows" }).click();
  await item.getByRole("button", { name: "Remove passkey" }).click();
  await expect(item.getByRole("alert")).toContainText("sign in again (within the last 10 minutes)");
  await item.getByRole("link", { name: "Sign in again" }).click();

  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  // The re-verified browser has a new session; the one it replaced is gone.
  const sessions = await testDb().session.findMany({ where: { userId: user.id }, select: { id: true, method: true } });
  expect(sessions).toHaveLength(1);
  expect(sessions[0]!.method).toBe("passkey");
  expect(oldSessions.map((s) => s.id)).not.toContain(sessions[0]!.id);

  await item.getByRole("button", { name: "Remove Chrome on Windows" }).click();
  await item.getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  expect(await testDb().passkey.count({ where: { userId: user.id } })).toBe(0);
});
