import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { oauthServerOrigin } from "../support/ports";
import { testDb } from "./support/db";
import {
  PROVIDERS,
  accountOwner,
  answerConsent,
  hasSessionCookie,
  newIdentity,
  securityEvents,
  signInWithProvider,
  startProviderSignIn,
} from "./support/oauth";
import { signInWithEmail, uniqueEmail } from "./support/users";

// Every response the browser saw with a 5xx status: an error page must never be a server error.
function watchServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

async function expectSignedOut(page: Page) {
  expect(await hasSessionCookie(page.context())).toBe(false);
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
}

test("the login page offers each configured provider", async ({ page }) => {
  await page.goto("/login");
  for (const provider of PROVIDERS) {
    await expect(page.getByRole("button", { name: `Continue with ${provider.name}` })).toBeVisible();
  }
});

for (const provider of PROVIDERS) {
  test.describe(`${provider.name} sign-in`, () => {
    test("a first sign-in creates the user; a second reaches the same user and their threads", async ({ page }) => {
      const identity = newIdentity(provider.id, { name: "Ada Example" });
      await signInWithProvider(page, provider.id, identity);
      await expect(page.getByTestId("signed-in-as")).toHaveText(identity.email!);

      const userId = await accountOwner(provider.id, identity.sub);
      expect(userId).not.toBeNull();
      const user = await testDb().user.findUniqueOrThrow({ where: { id: userId! } });
      expect(user).toMatchObject({ email: identity.email, name: "Ada Example" });
      const session = await testDb().session.findFirstOrThrow({ where: { userId: userId! } });
      expect(session.method).toBe(provider.id);
      expect(await securityEvents(userId!, "account_linked")).toHaveLength(1);

      const threadId = randomUUID();
      await testDb().thread.create({ data: { id: threadId, userId: userId!, title: "Kept across sign-ins", model: "demo" } });
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login/);

      // The provider now reports a new address and name: the account id, not the email, decides who this is.
      await signInWithProvider(page, provider.id, { ...identity, email: `changed-${identity.email}`, name: "Ada Renamed" });
      expect(await accountOwner(provider.id, identity.sub)).toBe(userId);
      expect(await testDb().account.count({ where: { provider: provider.id, providerAccountId: identity.sub } })).toBe(1);
      const threads = (await (await page.request.get("/api/threads")).json()) as { threads: { id: string }[] };
      expect(threads.threads.map((thread) => thread.id)).toContain(threadId);
      expect(await securityEvents(userId!, "sign_in")).toHaveLength(2);
    });

    test("an email the provider has not verified is not put on the new user", async ({ page, browser }) => {
      // Stored, it would let whoever holds this provider account wait for the address's owner to sign in by email.
      const email = uniqueEmail("unverified");
      const identity = newIdentity(provider.id, { email, emailVerified: false });
      await signInWithProvider(page, provider.id, identity);
      const userId = await accountOwner(provider.id, identity.sub);
      const user = await testDb().user.findUniqueOrThrow({ where: { id: userId! } });
      expect(user.email).toBeNull();

      const owner = await browser.newContext();
      await signInWithEmail(await owner.newPage(), email);
      const emailUser = await testDb().user.findUniqueOrThrow({ where: { email } });
      expect(emailUser.id).not.toBe(userId);
      expect(await testDb().account.count({ where: { userId: emailUser.id } })).toBe(0);
      await owner.close();
    });

    test("a tampered state gets no session", async ({ page }) => {
      const errors = watchServerErrors(page);
      const identity = newIdentity(provider.id);
      await startProviderSignIn(page, provider.id);
      const state = page.locator('input[name="state"]');
      await state.evaluate((input: HTMLInputElement) => (input.value = `${input.value.slice(0, -4)}AAAA`));
      await answerConsent(page, identity);

      await expect(page).toHaveURL(/\/login\/error\?error=/);
      await expect(page.getByRole("heading", { name: "Sign-in could not be completed" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to sign in" })).toBeVisible();
      expect(await accountOwner(provider.id, identity.sub)).toBeNull();
      await expectSignedOut(page);
      expect(errors).toEqual([]);
    });

    test("a callback made in another browser signs nobody in there (login CSRF)", async ({ page, browser }) => {
      // The attacker completes the provider step in their own browser and keeps the callback URL.
      const attacker = await browser.newContext();
      const attackerPage = await attacker.newPage();
      let callbackUrl = "";
      await attackerPage.route(`${oauthServerOrigin}/*/__decide?**`, async (route) => {
        const response = await route.fetch({ maxRedirects: 0 });
        callbackUrl = response.headers()["location"] ?? "";
        await route.fulfill({ status: 200, contentType: "text/plain", body: "kept the callback URL" });
      });
      const identity = newIdentity(provider.id);
      await startProviderSignIn(attackerPage, provider.id);
      await answerConsent(attackerPage, identity);
      await expect.poll(() => callbackUrl).toContain("code=");
      await attacker.close();

      const errors = watchServerErrors(page);
      await page.goto(callbackUrl);
      await expect(page).toHaveURL(/\/login\/error\?error=/);
      expect(await accountOwner(provider.id, identity.sub)).toBeNull();
      await expectSignedOut(page);
      expect(errors).toEqual([]);
    });

    test("declining at the provider shows a readable page and signs nobody in", async ({ page }) => {
      const errors = watchServerErrors(page);
      const identity = newIdentity(provider.id);
      await startProviderSignIn(page, provider.id);
      await answerConsent(page, identity, "Deny");
      await expect(page).toHaveURL(/\/login\/error\?error=OAuthCallbackError$/);
      await expect(page.getByRole("heading", { name: "Sign-in was cancelled" })).toBeVisible();
      await page.getByRole("link", { name: "Back to sign in" }).click();
      await expect(page.getByRole("button", { name: `Continue with ${provider.name}` })).toBeVisible();
      await expectSignedOut(page);
      expect(errors).toEqual([]);
    });

    test("a provider that is down gives a readable page, not a server error", async ({ page }) => {
      const errors = watchServerErrors(page);
      const identity = newIdentity(provider.id, { fail: "token" });
      await startProviderSignIn(page, provider.id);
      await answerConsent(page, identity);
      await expect(page).toHaveURL(/\/login\/error\?error=/);
      await expect(page.getByRole("heading", { name: "Sign-in could not be completed" })).toBeVisible();
      expect(await accountOwner(provider.id, identity.sub)).toBeNull();
      await expectSignedOut(page);
      expect(errors).toEqual([]);
    });

    test("an unverified email matching an existing user is not linked", async ({ page, browser }) => {
      const email = uniqueEmail("owner");
      const owner = await browser.newContext();
      await signInWithEmail(await owner.newPage(), email);
      await owner.close();
      const ownerUser = await testDb().user.findUniqueOrThrow({ where: { email } });

      const identity = newIdentity(provider.id, { email, emailVerified: false });
      await startProviderSignIn(page, provider.id);
      await answerConsent(page, identity);
      await expect(page).toHaveURL(/\/login\/error\?error=OAuthAccountNotLinked$/);
      await expect(page.getByRole("heading", { name: "That email already has an account" })).toBeVisible();
      await expect(page.getByText("link this provider from Settings → Security")).toBeVisible();

      expect(await accountOwner(provider.id, identity.sub)).toBeNull();
      expect(await testDb().account.count({ where: { userId: ownerUser.id } })).toBe(0);
      expect(await testDb().user.count({ where: { email } })).toBe(1);
      expect(await securityEvents(ownerUser.id, "sign_in_failed")).toHaveLength(1);
      await expectSignedOut(page);
    });

    test("a verified email matching an existing user signs in to that user", async ({ page, browser }) => {
      const email = uniqueEmail("owner");
      const owner = await browser.newContext();
      await signInWithEmail(await owner.newPage(), email);
      await owner.close();
      const ownerUser = await testDb().user.findUniqueOrThrow({ where: { email } });

      // Providers may report the address in another case; addresses are compared lowercased.
      const identity = newIdentity(provider.id, { email: email.toUpperCase(), emailVerified: true });
      await signInWithProvider(page, provider.id, identity);
      await expect(page.getByTestId("signed-in-as")).toHaveText(email);
      expect(await accountOwner(provider.id, identity.sub)).toBe(ownerUser.id);
      const [linked] = await securityEvents(ownerUser.id, "account_linked");
      expect(linked?.detail).toMatchObject({ provider: provider.id, reason: "verified_email" });
    });
  });
}
