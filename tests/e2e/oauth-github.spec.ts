import { expect, test } from "./support/test";
import { testDb } from "./support/db";
import { accountOwner, answerConsent, newIdentity, oauthServerRequests, signInWithProvider, startProviderSignIn } from "./support/oauth";
import { signInWithEmail, uniqueEmail } from "./support/users";

// GitHub is plain OAuth 2 with its own profile API; these cover what differs from the OIDC providers.

test("GitHub Enterprise: all four endpoints are on the configured base URL", async ({ page }) => {
  const identity = newIdentity("github", { login: "octo-ada" });
  await signInWithProvider(page, "github", identity);
  const requests = await oauthServerRequests();
  for (const call of [
    "github GET /login/oauth/authorize",
    "github POST /login/oauth/access_token",
    "github GET /api/v3/user",
    "github GET /api/v3/user/emails",
  ]) {
    expect(requests).toContain(call);
  }
  const account = await testDb().account.findFirstOrThrow({ where: { provider: "github", providerAccountId: identity.sub } });
  expect(account).toMatchObject({ login: "octo-ada", email: identity.email, type: "oauth" });
});

test("GitHub's public profile email is not trusted; the primary verified address is", async ({ page, browser }) => {
  const victimEmail = uniqueEmail("victim");
  const victim = await browser.newContext();
  await signInWithEmail(await victim.newPage(), victimEmail);
  await victim.close();
  const victimUser = await testDb().user.findUniqueOrThrow({ where: { email: victimEmail } });

  // The attacker shows the victim's address on their profile; their primary address is their own.
  const identity = newIdentity("github", { publicEmail: victimEmail });
  await signInWithProvider(page, "github", identity);
  await expect(page.getByTestId("signed-in-as")).toHaveText(identity.email!);
  expect(await accountOwner("github", identity.sub)).not.toBe(victimUser.id);
  expect(await testDb().account.count({ where: { userId: victimUser.id } })).toBe(0);
});

test("GitHub's profile API being down gives a readable page and no session", async ({ page }) => {
  const identity = newIdentity("github", { fail: "userinfo" });
  await startProviderSignIn(page, "github");
  await answerConsent(page, identity);
  await expect(page).toHaveURL(/\/login\/error/);
  await expect(page.getByRole("heading", { name: "Sign-in could not be completed" })).toBeVisible();
  expect(await accountOwner("github", identity.sub)).toBeNull();
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});
