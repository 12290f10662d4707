import { expect, test, type Page } from "./support/test";
import { testDb } from "./support/db";
import { PROVIDERS, accountOwner, ageSessions, answerConsent, newIdentity, securityEvents, signInWithProvider } from "./support/oauth";
import { signInWithEmail, uniqueEmail } from "./support/users";

const sessionToken = async (page: Page) =>
  (await page.context().cookies()).find((cookie) => cookie.name === "authjs.session-token")?.value;

async function emailUser(page: Page, label = "user") {
  const email = uniqueEmail(label);
  await signInWithEmail(page, email);
  const user = await testDb().user.findUniqueOrThrow({ where: { email } });
  return { email, id: user.id };
}

const section = (page: Page) => page.getByRole("region", { name: "Linked accounts" });
const linkedAccounts = (page: Page) => section(page).getByRole("list", { name: "Linked accounts" });

async function unlink(page: Page, providerName: string) {
  await page.getByRole("button", { name: `Unlink ${providerName}` }).click();
  await page.getByRole("button", { name: `Yes, unlink ${providerName}` }).click();
}

for (const provider of PROVIDERS) {
  test.describe(`${provider.name} linked accounts`, () => {
    test("linking from settings attaches the provider to the signed-in user, whatever its email says", async ({ page, browser }) => {
      const other = await browser.newContext();
      const victim = await emailUser(await other.newPage(), "other");
      await other.close();

      const me = await emailUser(page, "me");
      const tokenBefore = await sessionToken(page);
      await page.goto("/settings/security");
      await expect(page.getByText("No accounts linked yet.")).toBeVisible();
      await page.getByRole("button", { name: `Link ${provider.name}` }).click();
      // The provider account carries another user's verified address: it still goes to the signed-in user.
      const identity = newIdentity(provider.id, { email: victim.email, emailVerified: true, login: "ada" });
      await answerConsent(page, identity);

      await expect(page).toHaveURL(new RegExp(`/settings/security\\?linked=${provider.id}$`));
      await expect(page.getByText(`${provider.name} is now linked.`)).toBeVisible();
      await expect(linkedAccounts(page).getByText(victim.email)).toBeVisible();
      expect(await accountOwner(provider.id, identity.sub)).toBe(me.id);
      expect(await testDb().account.count({ where: { userId: victim.id } })).toBe(0);
      // Linking signs nobody in: same session, one account_linked event and no extra sign_in.
      expect(await sessionToken(page)).toBe(tokenBefore);
      expect(await securityEvents(me.id, "sign_in")).toHaveLength(1);
      const [linked] = await securityEvents(me.id, "account_linked");
      expect(linked?.detail).toMatchObject({ provider: provider.id, reason: "settings" });

      // And the provider now signs in to this user.
      const fresh = await browser.newContext();
      const freshPage = await fresh.newPage();
      await signInWithProvider(freshPage, provider.id, identity);
      await expect(freshPage.getByTestId("signed-in-as")).toHaveText(me.email);
      await fresh.close();
    });

    test("a provider account that belongs to another user is not linked", async ({ page, browser }) => {
      const other = await browser.newContext();
      const identity = newIdentity(provider.id);
      await signInWithProvider(await other.newPage(), provider.id, identity);
      await other.close();
      const ownerId = await accountOwner(provider.id, identity.sub);

      const me = await emailUser(page, "me");
      await page.goto("/settings/security");
      await page.getByRole("button", { name: `Link ${provider.name}` }).click();
      await answerConsent(page, identity);
      await expect(page).toHaveURL(/\/settings\/security\?linkError=account_in_use/);
      await expect(section(page).getByRole("alert")).toContainText(`That ${provider.name} account is already linked to another Keyline account`);
      expect(await accountOwner(provider.id, identity.sub)).toBe(ownerId);
      expect(await testDb().account.count({ where: { userId: me.id } })).toBe(0);
      // Still signed in as before.
      await expect(page.getByTestId("signed-in-as")).toHaveText(me.email);
    });

    test("unlinking needs a recent sign-in; signing in again with the provider allows it", async ({ page, browser }) => {
      const me = await emailUser(page, "me");
      const identity = newIdentity(provider.id);
      await page.goto("/settings/security");
      await page.getByRole("button", { name: `Link ${provider.name}` }).click();
      await answerConsent(page, identity);
      await expect(linkedAccounts(page).getByText(identity.email!)).toBeVisible();

      await ageSessions(me.id);
      await unlink(page, provider.name);
      await expect(section(page).getByRole("alert")).toContainText("sign in again");
      expect(await accountOwner(provider.id, identity.sub)).toBe(me.id);

      // Confirming with the provider itself replaces the session with a fresh one.
      const staleToken = await sessionToken(page);
      await page.getByRole("link", { name: "Sign in again" }).click();
      await expect(page).toHaveURL(/\/login\?.*reauth=1/);
      await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
      await page.getByRole("button", { name: `Continue with ${provider.name}` }).click();
      await answerConsent(page, identity);
      await expect(page).toHaveURL(/\/settings\/security$/);
      expect(await sessionToken(page)).not.toBe(staleToken);
      expect(await testDb().session.count({ where: { userId: me.id } })).toBe(1);

      await unlink(page, provider.name);
      await expect(section(page).getByRole("status").filter({ hasText: `${provider.name} is no longer linked` })).toBeVisible();
      await expect(page.getByText("No accounts linked yet.")).toBeVisible();
      expect(await accountOwner(provider.id, identity.sub)).toBeNull();
      const [unlinked] = await securityEvents(me.id, "account_unlinked");
      expect(unlinked?.detail).toMatchObject({ provider: provider.id });

      // The provider account no longer reaches this user.
      const fresh = await browser.newContext();
      await signInWithProvider(await fresh.newPage(), provider.id, identity);
      const newOwner = await accountOwner(provider.id, identity.sub);
      expect(newOwner).not.toBeNull();
      expect(newOwner).not.toBe(me.id);
      await fresh.close();
    });

    test("the last way in cannot be removed", async ({ page }) => {
      // No verified email on the user: the provider is the only way in.
      const identity = newIdentity(provider.id, { emailVerified: false });
      await signInWithProvider(page, provider.id, identity);
      const userId = await accountOwner(provider.id, identity.sub);
      await page.goto("/settings/security");
      await unlink(page, provider.name);
      await expect(section(page).getByRole("alert")).toContainText("This is your last way to sign in");
      expect(await accountOwner(provider.id, identity.sub)).toBe(userId);
      expect(await securityEvents(userId!, "account_unlinked")).toHaveLength(0);
    });

    test("linking needs a recent sign-in, checked again when the provider sends the person back", async ({ page }) => {
      const me = await emailUser(page, "me");
      await ageSessions(me.id);
      await page.goto("/settings/security");
      await page.getByRole("button", { name: `Link ${provider.name}` }).click();
      await expect(section(page).getByRole("alert")).toContainText("sign in again");
      await expect(page).toHaveURL(/\/settings\/security$/);

      // A link started in time but finished after the window is refused by the server, not just the form.
      await testDb().session.updateMany({ where: { userId: me.id }, data: { createdAt: new Date() } });
      await page.reload();
      await page.getByRole("button", { name: `Link ${provider.name}` }).click();
      const identity = newIdentity(provider.id);
      await expect(page.getByLabel("Account ID")).toBeVisible();
      await ageSessions(me.id);
      await answerConsent(page, identity);
      await expect(page).toHaveURL(/\/settings\/security\?linkError=reauthenticate/);
      await expect(section(page).getByRole("alert")).toContainText(`linking ${provider.name} needs a recent sign-in`);
      await expect(section(page).getByRole("alert").getByRole("link", { name: "Sign in again" })).toBeVisible();
      expect(await accountOwner(provider.id, identity.sub)).toBeNull();
    });
  });
}

test("two unlinks at once cannot remove both of the last two ways in", async ({ page, context }) => {
  // Signed up with Google without a verified email, then linked GitHub: exactly two ways in.
  const google = newIdentity("google", { emailVerified: false });
  await signInWithProvider(page, "google", google);
  const userId = await accountOwner("google", google.sub);
  await page.goto("/settings/security");
  await page.getByRole("button", { name: "Link GitHub" }).click();
  const github = newIdentity("github", { emailVerified: false });
  await answerConsent(page, github);
  await expect(linkedAccounts(page).getByRole("listitem")).toHaveCount(2);

  const other = await context.newPage();
  await other.goto("/settings/security");
  await page.getByRole("button", { name: "Unlink Google" }).click();
  await other.getByRole("button", { name: "Unlink GitHub" }).click();
  await Promise.all([
    page.getByRole("button", { name: "Yes, unlink Google" }).click(),
    other.getByRole("button", { name: "Yes, unlink GitHub" }).click(),
  ]);
  // Each tab ends with an outcome: unlinked, or refused as the last way in.
  const outcome = (tab: Page) =>
    section(tab)
      .getByRole("status")
      .filter({ hasText: "is no longer linked" })
      .or(section(tab).getByRole("alert").filter({ hasText: "This is your last way to sign in" }));
  await expect(outcome(page)).toBeVisible();
  await expect(outcome(other)).toBeVisible();
  expect(await testDb().account.count({ where: { userId: userId! } })).toBe(1);
  expect(await securityEvents(userId!, "account_unlinked")).toHaveLength(1);
});
