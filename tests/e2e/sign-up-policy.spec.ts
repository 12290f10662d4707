import { startAppProcess, type AppProcess } from "./support/app-process";
import { expectOk, patchUser, signedInAdmin, standingOf, userIdOf } from "./support/admin";
import { testDb } from "./support/db";
import { mailTo, waitForMail, linkIn } from "./support/mail";
import { answerConsent, newIdentity, startProviderSignIn } from "./support/oauth";
import { expect, test, type Page } from "./support/test";
import { uniqueEmail } from "./support/users";
import { ports } from "../support/ports";
import { rigOAuthEnv } from "../support/rig-app-env";

// The other sign-up policies, each on an app process of its own that shares the rig's database, mail
// capture and OAuth server (the rig's own app runs SIGNUP=open).
test.describe.configure({ mode: "serial", retries: 0 });

let approval: AppProcess;
let invite: AppProcess;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const common = { ...rigOAuthEnv(), RATE_LIMIT_SIGNIN_IP: "1000/15m", RATE_LIMIT_PASSKEY_CHALLENGE_IP: "1000/15m" };
  [approval, invite] = await Promise.all([
    startAppProcess({ name: "signup-approval", port: ports.policyApp, env: { ...common, SIGNUP: "approval", SIGNUP_DOMAINS: "team.example.test,*.corp.example.test" } }),
    startAppProcess({ name: "signup-invite", port: ports.policyApp + 1, env: { ...common, SIGNUP: "invite", SIGNUP_DOMAINS: "team.example.test" } }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([approval?.kill(), invite?.kill()]);
});

// The real form and link; where the browser lands afterwards is what the test looks at.
async function signInByLink(page: Page, email: string, origin: string) {
  const before = (await mailTo(email)).length;
  await page.goto(`${origin}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(linkIn(await waitForMail(email, before + 1)));
  await page.getByRole("button", { name: "Sign in" }).click();
}

const waiting = (page: Page) => expect(page.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();

test("approval: a new account waits, reaches only the waiting page and account settings, and no App API; approved, it works", async ({ page, browser }) => {
  const email = uniqueEmail("waiting");
  await signInByLink(page, email, approval.origin);
  await waiting(page);
  expect(await standingOf(email)).toEqual({ role: "member", status: "pending", suspendedReason: null });

  for (const path of ["/chat", "/settings/api-keys", "/settings/security"]) {
    await page.goto(`${approval.origin}${path}`);
    await expect(page).toHaveURL(`${approval.origin}/pending`);
  }
  await page.goto(`${approval.origin}/settings/account`);
  await expect(page.getByRole("heading", { name: "Delete account" })).toBeVisible();

  const api = page.request;
  for (const [method, path, data] of [
    ["GET", "/api/threads", undefined],
    ["POST", "/api/keys", { name: "k", scopes: ["chat:write"], expiresInDays: 30 }],
    ["POST", "/api/chat", { id: crypto.randomUUID(), message: { id: "m1", role: "user", parts: [{ type: "text", text: "hi" }] }, model: "demo" }],
  ] as const) {
    const response = await api.fetch(`${approval.origin}${path}`, { method, data });
    expect(response.status(), `${method} ${path}`).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden:pending");
  }
  expect(await testDb().apiKey.count({ where: { user: { email } } })).toBe(0);
  expect((await api.get(`${approval.origin}/api/account/export`)).status()).toBe(200);

  const admin = await signedInAdmin(browser, 10);
  await expectOk(await patchUser(admin.page, await userIdOf(email), { status: "active" }));
  await page.goto(`${approval.origin}/chat`);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  await admin.close();
});

test("approval: verified addresses in SIGNUP_DOMAINS are active at once; lookalikes wait", async ({ browser }) => {
  for (const [email, active] of [
    [uniqueEmail("ada").replace("example.test", "team.example.test"), true],
    [uniqueEmail("bob").replace("example.test", "eng.corp.example.test"), true],
    [uniqueEmail("eve").replace("example.test", "team.example.test.evil.test"), false],
    [uniqueEmail("mal").replace("example.test", "evil-team.example.test"), false],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInByLink(page, email, approval.origin);
    if (active) await expect(page.getByTestId("signed-in-as")).toHaveText(email);
    else await waiting(page);
    expect((await standingOf(email))?.status, email).toBe(active ? "active" : "pending");
    await context.close();
  }
});

test("approval with GitHub: a new account waits; a verified domain address is active; an unverified one never matches", async ({ browser }) => {
  const cases = [
    { identity: newIdentity("github"), status: "pending" },
    { identity: newIdentity("github", { email: uniqueEmail("gh").replace("example.test", "team.example.test") }), status: "active" },
    { identity: newIdentity("github", { email: uniqueEmail("gh-unverified").replace("example.test", "team.example.test"), emailVerified: false }), status: "pending" },
  ];
  for (const { identity, status } of cases) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await startProviderSignIn(page, "github", `${approval.origin}/login`);
    await answerConsent(page, identity);
    if (status === "pending") await waiting(page);
    else await expect(page).toHaveURL(`${approval.origin}/chat`);
    const account = await testDb().account.findUniqueOrThrow({ where: { provider_providerAccountId: { provider: "github", providerAccountId: identity.sub } }, include: { user: true } });
    expect(account.user.status).toBe(status);
    await context.close();
  }
});

test("invite: an uninvited address sees the usual check-email page but gets no mail and no account", async ({ page }) => {
  const email = uniqueEmail("uninvited");
  await page.goto(`${invite.origin}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page).toHaveURL(`${invite.origin}/login/check-email`);
  // The invited control, asked after it, gets its mail; by then the uninvited one would have had its own.
  const invited = uniqueEmail("invited").replace("example.test", "team.example.test");
  await signInByLink(page, invited, invite.origin);
  await expect(page.getByTestId("signed-in-as")).toHaveText(invited);
  expect(await mailTo(email)).toEqual([]);
  expect(await testDb().user.count({ where: { email } })).toBe(0);
  expect(await testDb().verificationToken.count({ where: { identifier: email } })).toBe(0);
});

test("invite: Google and OIDC sign-ups outside the policy are refused before any account exists; inside it they work", async ({ browser }) => {
  for (const provider of ["google", "oidc"] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const outsider = newIdentity(provider);
    await startProviderSignIn(page, provider, `${invite.origin}/login`);
    await answerConsent(page, outsider);
    await expect(page.getByText("This Keyline is not open for new accounts")).toBeVisible();
    expect(await testDb().user.count({ where: { email: outsider.email } })).toBe(0);
    expect(await testDb().account.count({ where: { providerAccountId: outsider.sub } })).toBe(0);

    const member = newIdentity(provider, { email: uniqueEmail(provider).replace("example.test", "team.example.test") });
    await startProviderSignIn(page, provider, `${invite.origin}/login`);
    await answerConsent(page, member);
    await expect(page).toHaveURL(`${invite.origin}/chat`);
    await context.close();
  }
});

test("linking: a provider with the verified address of an existing account signs into that account as it stands", async ({ browser }) => {
  // An account made by magic link on the rig's open app, then suspended; then one that is pending.
  const admin = await signedInAdmin(browser, 11);
  const suspendedEmail = uniqueEmail("link-suspended");
  const first = await browser.newContext();
  const firstPage = await first.newPage();
  await signInByLink(firstPage, suspendedEmail, "");
  await expectOk(await patchUser(admin.page, await userIdOf(suspendedEmail), { status: "suspended", reason: "Left the team" }));
  await startProviderSignIn(firstPage, "google", `${invite.origin}/login`);
  await answerConsent(firstPage, newIdentity("google", { email: suspendedEmail }));
  await expect(firstPage.getByRole("heading", { name: "This account is suspended" })).toBeVisible();
  await expect(firstPage.getByText("Left the team")).toBeVisible();
  expect(await testDb().account.count({ where: { user: { email: suspendedEmail } } })).toBe(0);

  const pendingEmail = uniqueEmail("link-pending");
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await signInByLink(secondPage, pendingEmail, approval.origin);
  await waiting(secondPage);
  await second.clearCookies();
  // In invite mode an existing account is no sign-up: the link happens, and the account still waits.
  await startProviderSignIn(secondPage, "oidc", `${invite.origin}/login`);
  await answerConsent(secondPage, newIdentity("oidc", { email: pendingEmail }));
  await waiting(secondPage);
  expect(await standingOf(pendingEmail)).toMatchObject({ status: "pending" });
  expect(await testDb().account.count({ where: { user: { email: pendingEmail }, provider: "oidc" } })).toBe(1);
  await Promise.all([admin.close(), first.close(), second.close()]);
});

test("ADMIN_EMAILS: a listed address is an active admin whatever the policy", async ({ page }) => {
  const email = "rig-admin-12@example.test";
  await signInByLink(page, email, invite.origin);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  expect(await standingOf(email)).toEqual({ role: "admin", status: "active", suspendedReason: null });
  expect((await page.request.get(`${invite.origin}/api/admin/users`)).status()).toBe(200);
});
