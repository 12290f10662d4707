import { appOrigin } from "../support/ports";
import { expect, test, type Page } from "./support/test";
import { assistantMessages, marker, sendMessage, userIdOf, userMessages } from "./support/chat";
import { testDb } from "./support/db";
import { NOT_FOUND_BODY, shareViaApi, shareViaMenu, threadWith, tokenOf } from "./support/shares";
import { signInWithEmail, uniqueEmail } from "./support/users";

const sharedMessages = (page: Page) => page.getByRole("feed", { name: "Shared messages" }).getByRole("article");

test("a shared chat opens signed out in a fresh browser, shows exactly the snapshot, and never what came later", async ({ page, browser }) => {
  const email = uniqueEmail("sharer");
  await signInWithEmail(page, email);
  const first = marker("first");
  const second = marker("second");
  const threadId = await threadWith(page, [first, `${second} **bold**`]);
  const { url } = await shareViaMenu(page, first);
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  await page.keyboard.press("Escape");

  // Afterwards the owner writes more and renames the chat: the link shows none of it.
  const later = marker("later");
  await sendMessage(page, later);
  await expect(assistantMessages(page)).toHaveCount(3);
  await expect(assistantMessages(page).last()).toHaveAttribute("data-status", "complete");
  expect((await page.request.patch(`/api/threads/${threadId}`, { data: { title: "Renamed later" } })).status()).toBe(200);

  const stranger = await browser.newContext();
  const viewer = await stranger.newPage();
  const response = await viewer.goto(url);
  expect(response?.status()).toBe(200);
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(first);
  await expect(viewer.getByTestId("share-meta")).toContainText("Model: test-model");
  await expect(sharedMessages(viewer)).toHaveCount(4);
  await expect(sharedMessages(viewer).nth(0)).toContainText(first);
  await expect(sharedMessages(viewer).nth(1)).toContainText(`Echo: ${first}`);
  await expect(sharedMessages(viewer).nth(3).locator("strong")).toHaveText("bold");
  const html = await viewer.content();
  expect(html).not.toContain(later);
  expect(html).not.toContain("Renamed later");
  // Nothing names the owner: no email, no user id, no thread id.
  expect(html).not.toContain(email);
  expect(html).not.toContain(await userIdOf(email));
  expect(html).not.toContain(threadId);
  await expect(viewer.getByRole("link", { name: "Sign in to continue this chat" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Continue in my account" })).toHaveCount(0);

  // The API gives the same snapshot in the history shape.
  const api = await stranger.request.get(`${appOrigin}/api/share/${tokenOf(url)}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { share: Record<string, unknown>; messages: { role: string; parts: { text: string }[]; status: string }[] };
  expect(body.share).toEqual({ title: first, model: "openai:test-model", createdAt: expect.any(String) });
  expect(body.messages.map((message) => [message.role, message.status, message.parts[0]?.text])).toEqual([
    ["user", "complete", first],
    ["assistant", "complete", `Echo: ${first}`],
    ["user", "complete", `${second} **bold**`],
    ["assistant", "complete", `Echo: ${second} **bold**`],
  ]);
  expect(JSON.stringify(body)).not.toContain(email);

  // Views are counted (the page and the API read), and the owner sees them in Settings → Shared links.
  await page.goto("/settings/shares");
  const item = page.getByRole("list", { name: "Shared links" }).getByRole("listitem", { name: first });
  await expect(item.getByTestId("share-details")).toContainText("2 views · 4 messages");
  await stranger.close();
});

test("the page and its API carry noindex, no-referrer, the CSP and no caching", async ({ page, request }) => {
  await signInWithEmail(page, uniqueEmail("headers"));
  const threadId = await threadWith(page, [marker("headers")]);
  const { token } = await shareViaApi(page.request, threadId);

  for (const path of [`/share/${token}`, `/api/share/${token}`, "/share/never-existed"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-robots-tag"], path).toBe("noindex, nofollow");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
    expect(headers["cache-control"], path).toBe("no-store");
    expect(headers["content-security-policy"], path).toContain("script-src 'self' 'nonce-");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  const viewer = await page.context().browser()!.newContext();
  const shared = await viewer.newPage();
  await shared.goto(`${appOrigin}/share/${token}`);
  await expect(shared.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(shared.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  await viewer.close();
});

test("stopped and failed replies are shared only when the owner includes them; a streaming reply never", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("unfinished"));
  const ok = marker("ok");
  const threadId = await threadWith(page, [ok, `${marker("fails")} [[http-error=500]]`]);
  await expect(assistantMessages(page).last()).toHaveAttribute("data-status", "error");
  // A reply still streaming while the link is made.
  await sendMessage(page, `${marker("slow")} [[tokens=400]] [[delay=50]]`);
  await expect(assistantMessages(page).last()).toHaveAttribute("data-status", "streaming");

  const plain = await shareViaApi(page.request, threadId);
  const withUnfinished = await shareViaApi(page.request, threadId, { includeUnfinished: true });
  expect(plain.share.messageCount).toBe(4); // three user messages and the one complete reply
  expect(withUnfinished.share.messageCount).toBe(5); // and the failed reply, never the streaming one

  const statuses = async (token: string) =>
    ((await (await page.request.get(`/api/share/${token}`)).json()) as { messages: { role: string; status: string }[] }).messages.map((m) => `${m.role}:${m.status}`);
  expect(await statuses(plain.token)).toEqual(["user:complete", "assistant:complete", "user:complete", "user:complete"]);
  expect(await statuses(withUnfinished.token)).toEqual(["user:complete", "assistant:complete", "user:complete", "assistant:error", "user:complete"]);
  await page.getByRole("button", { name: "Stop generating" }).click();
});

test("revoking from Settings, one link or all, ends them at once with the body of a token that never existed", async ({ page, request }) => {
  await signInWithEmail(page, uniqueEmail("revoker"));
  const title = marker("revoke");
  const threadId = await threadWith(page, [title]);
  const one = await shareViaApi(page.request, threadId);
  const two = await shareViaApi(page.request, threadId, { expiresInDays: null });
  const three = await shareViaApi(page.request, threadId, { expiresInDays: 1 });
  expect(two.share.expiresAt).toBeNull();
  expect((await request.get(`/api/share/${one.token}`)).status()).toBe(200);
  const unknown = await request.get(`/api/share/${"B".repeat(43)}`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual(NOT_FOUND_BODY);

  await page.goto("/settings/shares");
  const list = page.getByRole("list", { name: "Shared links" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await list.getByRole("listitem").first().getByRole("button", { name: `Revoke link to ${title}` }).click();
  await page.getByRole("dialog", { name: "Revoke this link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  // The newest is listed first: that was `three`.
  const revoked = await request.get(`/api/share/${three.token}`);
  expect(revoked.status()).toBe(404);
  expect(await revoked.json()).toEqual(NOT_FOUND_BODY);
  expect((await request.get(`/share/${three.token}`)).status()).toBe(404);
  expect((await request.get(`/api/share/${one.token}`)).status()).toBe(200);

  await page.getByRole("button", { name: "Revoke all links" }).click();
  await page.getByRole("dialog", { name: "Revoke all shared links?" }).getByRole("button", { name: "Revoke all" }).click();
  await expect(page.getByText("No shared links.")).toBeVisible();
  for (const token of [one.token, two.token]) {
    const response = await request.get(`/api/share/${token}`);
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual(NOT_FOUND_BODY);
  }
  // The revoked copies keep nothing, and the security log has each revocation.
  const rows = await testDb().share.findMany({ where: { threadId }, select: { revokedAt: true, messages: true } });
  expect(rows.every((row) => row.revokedAt && Array.isArray(row.messages) && row.messages.length === 0)).toBe(true);
  await page.goto("/settings/security");
  await expect(page.getByTestId("security-event").filter({ hasText: "Share link revoked" })).toHaveCount(2);
  await expect(page.getByTestId("security-event").filter({ hasText: "Share link created" })).toHaveCount(3);
});

test("an expired link answers 404 like one that never existed", async ({ page, request }) => {
  await signInWithEmail(page, uniqueEmail("expiry"));
  const threadId = await threadWith(page, [marker("expiry")]);
  const { share, token } = await shareViaApi(page.request, threadId, { expiresInDays: 1 });
  expect(new Date(share.expiresAt!).getTime() - Date.now()).toBeGreaterThan(86_000_000);
  expect((await request.get(`/api/share/${token}`)).status()).toBe(200);
  await testDb().share.update({ where: { id: share.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await request.get(`/api/share/${token}`);
  expect(expired.status()).toBe(404);
  expect(await expired.json()).toEqual(NOT_FOUND_BODY);
  expect((await request.get(`/share/${token}`)).status()).toBe(404);
  await page.goto("/settings/shares");
  await expect(page.getByRole("list", { name: "Shared links" }).getByText("Expired", { exact: true })).toBeVisible();
  // The data export lists the link, never its token or hash.
  const exported = await page.request.get("/api/account/export");
  const text = await exported.text();
  expect((JSON.parse(text) as { shares: { id: string }[] }).shares.map((row) => row.id)).toEqual([share.id]);
  expect(text).not.toContain(token);
  expect(text).not.toContain("tokenHash");
});

test("deleting the thread, or the account, ends its links at once", async ({ page, request }) => {
  const email = uniqueEmail("deleter");
  await signInWithEmail(page, email);
  const doomed = marker("doomed");
  const threadId = await threadWith(page, [doomed]);
  const { token: threadToken } = await shareViaApi(page.request, threadId);
  const otherThread = await threadWith(page, [marker("kept")]);
  const { token: accountToken } = await shareViaApi(page.request, otherThread);

  await page.getByRole("button", { name: `Options for ${doomed}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete this chat?" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("button", { name: `Options for ${doomed}` })).toHaveCount(0);
  const gone = await request.get(`/api/share/${threadToken}`);
  expect(gone.status()).toBe(404);
  expect(await gone.json()).toEqual(NOT_FOUND_BODY);
  expect((await request.get(`/api/share/${accountToken}`)).status()).toBe(200);

  await page.goto("/settings/account");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login/);
  const accountGone = await request.get(`/api/share/${accountToken}`);
  expect(accountGone.status()).toBe(404);
  expect(await accountGone.json()).toEqual(NOT_FOUND_BODY);
  expect(await testDb().share.count({ where: { threadId: { in: [threadId, otherThread] } } })).toBe(0);
});

test("Continue in my account copies the snapshot into a thread of the viewer's, independent of the original", async ({ page, browser }) => {
  const owner = uniqueEmail("owner");
  await signInWithEmail(page, owner);
  const title = marker("copyme");
  const threadId = await threadWith(page, [title]);
  const { url } = await shareViaMenu(page, title);

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  const viewerEmail = uniqueEmail("viewer");
  await signInWithEmail(viewer, viewerEmail);
  await viewer.goto(url);
  await viewer.getByRole("button", { name: "Continue in my account" }).click();
  await expect(viewer).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
  const copyId = new URL(viewer.url()).pathname.split("/").at(-1)!;
  expect(copyId).not.toBe(threadId);
  await expect(userMessages(viewer)).toHaveCount(1);
  await expect(assistantMessages(viewer).first()).toContainText(`Echo: ${title}`);
  await expect(viewer.getByRole("link", { name: title })).toBeVisible();

  // The viewer continues; the owner's thread does not change and the owner cannot see the copy.
  const reply = marker("reply");
  await sendMessage(viewer, reply);
  await expect(assistantMessages(viewer)).toHaveCount(2);
  await expect(assistantMessages(viewer).last()).toHaveAttribute("data-status", "complete");
  const db = testDb();
  expect(await db.message.count({ where: { threadId } })).toBe(2);
  expect(await db.message.count({ where: { threadId: copyId } })).toBe(4);
  expect((await db.thread.findUniqueOrThrow({ where: { id: copyId } })).userId).toBe(await userIdOf(viewerEmail));
  expect((await page.request.get(`/api/threads/${copyId}`)).status()).toBe(404);
  await page.reload();
  await expect(userMessages(page)).toHaveCount(1);
  expect(await page.content()).not.toContain(reply);

  // Deleting the copy leaves the original and its link alone.
  expect((await viewer.request.delete(`/api/threads/${copyId}`)).status()).toBe(204);
  expect((await viewer.request.get(`/api/share/${tokenOf(url)}`)).status()).toBe(200);
  expect(await db.message.count({ where: { threadId } })).toBe(2);
  await viewerContext.close();
});

test("screenshots: the shared page and Settings → Shared links, desktop and phone, light and dark", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("shots");
  await signInWithEmail(page, email);
  const title = "How do I reverse a list in Python?";
  const threadId = await threadWith(page, [`${title}\n[[reply=Use **slicing**: \`items[::-1]\`, or \`items.reverse()\` in place.\n\n\`\`\`python\nitems = [1, 2, 3]\nprint(items[::-1])\n\`\`\`]]`]);
  const { share } = await shareViaApi(page.request, threadId, { showOwnerName: true });
  // The Share… dialog once the link is made (the second link of the list).
  const { dialog } = await shareViaMenu(page, title);
  await dialog.screenshot({ path: test.info().outputPath("share-dialog-desktop-light.png") });
  await page.keyboard.press("Escape");
  for (const scheme of ["light", "dark"] as const) {
    for (const [label, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      const context = await browser.newContext({ colorScheme: scheme, viewport });
      const viewer = await context.newPage();
      await viewer.goto(share.url);
      await expect(viewer.getByTestId("share-meta")).toContainText(`by ${email}`);
      await viewer.screenshot({ path: test.info().outputPath(`share-page-${label}-${scheme}.png`), fullPage: true });
      await context.close();
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/settings/shares");
      await expect(page.getByRole("list", { name: "Shared links" }).getByRole("listitem")).toHaveCount(2);
      await page.screenshot({ path: test.info().outputPath(`shared-links-${label}-${scheme}.png`), fullPage: true });
    }
  }
});
