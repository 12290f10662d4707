import http from "node:http";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { recordSecret } from "../../support/secrets-ledger";
import { assistantMessages, sendMessage, threadIdFromUrl } from "./chat";

export type CreatedShare = { id: string; url: string; createdAt: string; expiresAt: string | null; messageCount: number };

// The token is the last path segment of the link; the ledger learns it so the log check can look for it.
export function tokenOf(url: string): string {
  const token = new URL(url).pathname.split("/").at(-1)!;
  recordSecret("share-token", token);
  return token;
}

// A thread with one finished exchange per text, made through the chat as a person would.
export async function threadWith(page: Page, texts: string[]): Promise<string> {
  await page.goto("/chat");
  for (const [index, text] of texts.entries()) {
    await sendMessage(page, text);
    await expect(assistantMessages(page)).toHaveCount(index + 1);
    await expect(assistantMessages(page).nth(index)).toHaveAttribute("data-status", /complete|error|interrupted/);
  }
  return threadIdFromUrl(page);
}

export async function shareViaApi(request: APIRequestContext, threadId: string, body: Record<string, unknown> = {}) {
  const response = await request.post(`/api/threads/${threadId}/shares`, { data: body, headers: { "content-type": "application/json" } });
  expect(response.status(), await response.text()).toBe(201);
  const { share } = (await response.json()) as { share: CreatedShare };
  return { share, token: tokenOf(share.url) };
}

// Through the thread's menu and the Share… dialog; returns the link shown there.
export async function shareViaMenu(page: Page, title: string, options: { showName?: boolean; includeUnfinished?: boolean } = {}) {
  await page.getByRole("button", { name: `Options for ${title}` }).click();
  await page.getByRole("menuitem", { name: "Share…" }).click();
  const dialog = page.getByRole("dialog", { name: `Share “${title}”` });
  if (options.showName) await dialog.getByLabel("Show my name on the page").check();
  if (options.includeUnfinished) await dialog.getByLabel("Include stopped and failed replies").check();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await dialog.getByLabel("Share link").inputValue();
  tokenOf(url);
  return { url, dialog };
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

// A request from a chosen loopback address to any app process (all of 127.0.0.0/8 is local on Linux), so a
// test is its own client IP and never spends the browser tests' budget on 127.0.0.1.
export function requestFromAddress(options: { port: number; localAddress: string; path: string; method?: string; form?: Record<string, string> }): Promise<RawResponse> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: http.OutgoingHttpHeaders = { host: `localhost:${options.port}` };
  if (body !== undefined) Object.assign(headers, { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: options.port, localAddress: options.localAddress, path: options.path, method: options.method ?? (body === undefined ? "GET" : "POST"), headers },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export const ownLoopbackAddress = () =>
  `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;

// What a token that never existed answers: every dead link must answer exactly this.
export const NOT_FOUND_BODY = { error: { code: "not_found:share", message: "This shared link does not exist or is no longer available." } };
export const UNKNOWN_TOKEN = "A".repeat(43);
