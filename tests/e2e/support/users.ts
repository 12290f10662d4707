import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { linkIn, mailTo, waitForMail } from "./mail";

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

// `origin`: another app process than the rig's (its links then point to it, per its AUTH_URL).
export async function requestMagicLink(page: Page, email: string, origin = ""): Promise<string> {
  const before = (await mailTo(email)).length;
  await page.goto(`${origin}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page).toHaveURL(/\/login\/check-email$/);
  return linkIn(await waitForMail(email, before + 1));
}

// Through the real login form, the captured mail and the confirmation page, as a person would.
export async function signInWithEmail(page: Page, email: string, origin = ""): Promise<void> {
  const link = await requestMagicLink(page, email, origin);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
}

// The header's sign-out button (settings pages have other "Sign out …" buttons for sessions).
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}
