import { expect, type Browser, type Page } from "@playwright/test";
import OpenAI from "openai";
import { appOrigin } from "../../support/ports";
import { recordSecret } from "../../support/secrets-ledger";
import { signInWithEmail, uniqueEmail } from "./users";

export type Scope = "models:read" | "chat:write" | "threads:read";
export type CreatedKey = {
  key: string;
  apiKey: { id: string; name: string; prefix: string; lastFour: string; scopes: Scope[]; expiresAt: string; status: string };
};

// A fresh user signed in through the real magic-link flow, in a context of its own.
export async function signedInUser(browser: Browser, label = "dev"): Promise<{ page: Page; email: string; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(label);
  await signInWithEmail(page, email);
  return { page, email, close: () => context.close() };
}

// POST /api/keys as the signed-in user's script would (session cookie, no browser headers).
export async function createKey(
  page: Page,
  options: { name?: string; scopes?: Scope[]; expiresInDays?: number; origin?: string } = {},
): Promise<CreatedKey> {
  const response = await page.request.post(`${options.origin ?? ""}/api/keys`, {
    data: { name: options.name ?? "test key", scopes: options.scopes ?? ["models:read", "chat:write"], expiresInDays: options.expiresInDays ?? 90 },
  });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as CreatedKey;
  recordSecret("api-key", created.key);
  return created;
}

export function openaiClient(apiKey: string, origin = appOrigin): OpenAI {
  return new OpenAI({ apiKey, baseURL: `${origin}/v1`, maxRetries: 0, timeout: 20_000 });
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
