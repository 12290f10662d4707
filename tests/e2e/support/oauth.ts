import { randomInt, randomUUID } from "node:crypto";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { oauthClients, type RigProvider } from "../../support/oauth-clients";
import { oauthServerOrigin } from "../../support/ports";
import { testDb } from "./db";

// Driving the rig's OAuth server (tests/support/oauth-server.ts) the way a person would: the provider's
// button on /login or in settings, then the provider's consent page.

export const PROVIDERS: { id: RigProvider; name: string }[] = [
  { id: "google", name: "Google" },
  { id: "github", name: "GitHub" },
  { id: "oidc", name: oauthClients.oidc.name },
];

export type ProviderIdentity = {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  login?: string;
  publicEmail?: string;
  fail?: "token" | "userinfo";
};

// GitHub ids are numbers; OIDC subjects are opaque strings.
export function newIdentity(provider: RigProvider, overrides: Partial<ProviderIdentity> = {}): ProviderIdentity {
  const sub = provider === "github" ? String(randomInt(1_000_000, 2_000_000_000)) : `sub-${randomUUID()}`;
  return { sub, email: `${provider}-${randomUUID().slice(0, 8)}@example.test`, emailVerified: true, ...overrides };
}

// On the provider's consent page: say who you are, then allow (or deny).
export async function answerConsent(page: Page, identity: ProviderIdentity, decision: "Allow" | "Deny" = "Allow") {
  await expect(page).toHaveURL(new RegExp(`^${oauthServerOrigin}/`));
  await page.getByLabel("Account ID").fill(identity.sub);
  await page.getByLabel("Email", { exact: true }).fill(identity.email ?? "");
  await page.getByLabel("Email verified").setChecked(identity.emailVerified ?? false);
  if (identity.name) await page.getByLabel("Name", { exact: true }).fill(identity.name);
  if (identity.login) await page.getByLabel("Username").fill(identity.login);
  if (identity.publicEmail) await page.getByLabel("Public profile email").fill(identity.publicEmail);
  if (identity.fail) await page.getByLabel("Provider behaviour").selectOption(identity.fail);
  await page.getByRole("button", { name: decision }).click();
}

export async function startProviderSignIn(page: Page, provider: RigProvider, path = "/login") {
  await page.goto(path);
  const name = PROVIDERS.find((p) => p.id === provider)!.name;
  await page.getByRole("button", { name: `Continue with ${name}` }).click();
}

export async function signInWithProvider(page: Page, provider: RigProvider, identity: ProviderIdentity) {
  await startProviderSignIn(page, provider);
  await answerConsent(page, identity);
  await expect(page).toHaveURL(/\/chat$/);
}

export async function hasSessionCookie(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((cookie) => cookie.name.endsWith("authjs.session-token"));
}

export async function accountOwner(provider: RigProvider, providerAccountId: string) {
  const row = await testDb().account.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId } } });
  return row?.userId ?? null;
}

export async function securityEvents(userId: string, type: string) {
  return testDb().securityEvent.findMany({ where: { userId, type }, orderBy: { createdAt: "asc" } });
}

// Makes the current sign-in older than the recent-sign-in window (10 minutes), as time would.
export async function ageSessions(userId: string, minutes = 11) {
  await testDb().session.updateMany({ where: { userId }, data: { createdAt: new Date(Date.now() - minutes * 60_000) } });
}

export async function oauthServerRequests(): Promise<string[]> {
  const response = await fetch(`${oauthServerOrigin}/__requests`);
  return ((await response.json()) as { requests: string[] }).requests;
}
