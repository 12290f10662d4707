import { expect, type APIResponse, type Browser, type Page } from "@playwright/test";
import { RIG_ADMIN_EMAILS } from "../../support/rig-app-env";
import { testDb } from "./db";
import { signInWithEmail } from "./users";

// An admin of the rig (ADMIN_EMAILS), signed in through the real magic-link flow in a context of its own.
// Each test takes its own number: magic links are limited per address.
export async function signedInAdmin(browser: Browser, n: number, origin = ""): Promise<{ page: Page; email: string; id: string; close: () => Promise<void> }> {
  const email = RIG_ADMIN_EMAILS[n - 1]!;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithEmail(page, email, origin);
  return { page, email, id: await userIdOf(email), close: () => context.close() };
}

export async function userIdOf(email: string): Promise<string> {
  const user = await testDb().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

export async function standingOf(email: string) {
  return testDb().user.findUnique({ where: { email }, select: { role: true, status: true, suspendedReason: true } });
}

export function patchUser(page: Page, userId: string, body: Record<string, unknown>, origin = ""): Promise<APIResponse> {
  return page.request.patch(`${origin}/api/admin/users/${userId}`, { data: body });
}

export async function expectOk(response: APIResponse, status = 200) {
  expect(response.status(), await response.text()).toBe(status);
}
