import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { modelServerOrigin } from "../../support/ports";
import { testDb } from "./db";

// The chat as a person drives it, and what the rig's model server saw.
export function composer(page: Page) {
  return page.getByRole("textbox", { name: "Message" });
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  // The button enables once the page is interactive and holds the text.
  await expect(page.getByRole("button", { name: "Send message" })).toBeEnabled();
  await composer(page).press("Enter");
}

export const assistantMessages = (page: Page) => page.getByRole("article", { name: "Assistant message" });
export const userMessages = (page: Page) => page.getByRole("article", { name: "Your message" });

export type ModelRequest = { id: number; model: string; lastUser: string; stream: boolean; aborted: boolean; completed: boolean };

export async function modelRequests(marker: string): Promise<ModelRequest[]> {
  const response = await fetch(`${modelServerOrigin}/__requests`);
  const { requests } = (await response.json()) as { requests: ModelRequest[] };
  return requests.filter((request) => request.lastUser.includes(marker));
}

// A per-test word that ties a message to what the model server received.
export const marker = (label = "m") => `${label}-${randomUUID().slice(0, 8)}`;

export async function userIdOf(email: string): Promise<string> {
  return (await testDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

export async function threadIdFromUrl(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

export function chatBody(threadId: string, text: string, extra: Record<string, unknown> = {}) {
  return { id: threadId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] }, ...extra };
}

// POST /api/chat as a script of the signed-in user would, reading the whole stream.
export async function postChat(request: APIRequestContext, body: unknown) {
  const response = await request.post("/api/chat", { data: body, headers: { "content-type": "application/json" } });
  return { status: response.status(), headers: response.headers(), text: await response.text() };
}
