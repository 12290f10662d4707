import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { testDb } from "./support/db";
import { assistantMessages, chatBody, composer, marker, postChat, sendMessage, threadIdFromUrl, userIdOf, userMessages } from "./support/chat";
import { signInWithEmail, uniqueEmail } from "./support/users";

const history = (page: Page) => page.getByRole("navigation", { name: "Chat history" });

async function startThread(page: Page, text: string): Promise<string> {
  await page.goto("/chat");
  await sendMessage(page, `${text} [[tokens=3]] [[delay=5]]`);
  await expect(assistantMessages(page).last()).toHaveAttribute("data-status", "complete");
  return threadIdFromUrl(page);
}

test("rename a chat from the sidebar; the new title is stored and shown after a reload", async ({ page }) => {
  const email = uniqueEmail("rename");
  await signInWithEmail(page, email);
  const threadId = await startThread(page, "Plan the garden");
  const link = history(page).getByRole("link", { name: /Plan the garden/ });
  await expect(link).toBeVisible();

  await page.getByRole("button", { name: /Options for Plan the garden/ }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const title = page.getByRole("textbox", { name: "Chat title" });
  await title.fill("Vegetable beds 2026");
  await title.press("Enter");
  await expect(history(page).getByRole("link", { name: "Vegetable beds 2026" })).toBeVisible();
  await expect(page.getByTestId("thread-title")).toHaveText("Vegetable beds 2026");

  const stored = await testDb().thread.findFirstOrThrow({ where: { id: threadId, userId: await userIdOf(email) } });
  expect(stored.title).toBe("Vegetable beds 2026");
  await page.reload();
  await expect(history(page).getByRole("link", { name: "Vegetable beds 2026" })).toBeVisible();

  // An empty title is refused and the old one kept.
  const response = await page.request.patch(`/api/threads/${threadId}`, { data: { title: "   " } });
  expect(response.status()).toBe(400);
  expect((await testDb().thread.findUniqueOrThrow({ where: { id: threadId } })).title).toBe("Vegetable beds 2026");
});

test("delete asks first, then removes the chat and its messages", async ({ page }) => {
  const email = uniqueEmail("delete");
  await signInWithEmail(page, email);
  const keep = await startThread(page, "Keep this one");
  const threadId = await startThread(page, "Throw this away");

  await page.getByRole("button", { name: /Options for Throw this away/ }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this chat?" });
  await expect(dialog).toContainText("Throw this away");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await testDb().thread.count({ where: { id: threadId } })).toBe(1);

  await page.getByRole("button", { name: /Options for Throw this away/ }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(history(page).getByRole("link", { name: /Throw this away/ })).toHaveCount(0);
  await expect(page).toHaveURL(/\/chat$/);
  expect(await testDb().thread.count({ where: { id: threadId } })).toBe(0);
  expect(await testDb().message.count({ where: { threadId } })).toBe(0);
  expect(await testDb().thread.count({ where: { id: keep } })).toBe(1);

  const gone = await page.goto(`/chat/${threadId}`);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This chat does not exist" })).toBeVisible();
});

test("search finds chats by title and by message text, ignoring case", async ({ page }) => {
  const email = uniqueEmail("search");
  await signInWithEmail(page, email);
  const word = marker("Zebra");
  const alpha = randomUUID();
  const beta = randomUUID();
  expect((await postChat(page.request, chatBody(alpha, "Alpha planning notes [[tokens=2]]"))).status).toBe(200);
  expect((await postChat(page.request, chatBody(alpha, `the secret word is ${word} [[tokens=2]]`))).status).toBe(200);
  expect((await postChat(page.request, chatBody(beta, "Beta shopping list [[tokens=2]]"))).status).toBe(200);
  await page.goto("/chat");

  const search = page.getByRole("searchbox", { name: "Search chats" });
  await search.fill(word.toUpperCase());
  await expect(history(page).getByRole("link")).toHaveCount(1);
  await expect(history(page).getByRole("link", { name: /Alpha planning notes/ })).toBeVisible();

  await search.fill("bEtA");
  await expect(history(page).getByRole("link")).toHaveCount(1);
  await expect(history(page).getByRole("link", { name: /Beta shopping list/ })).toBeVisible();

  // LIKE wildcards are searched for literally.
  await search.fill("%");
  await expect(history(page).getByText("No chats match “%”.")).toBeVisible();

  await search.fill("");
  await expect(history(page).getByRole("link")).toHaveCount(2);

  const api = await page.request.get(`/api/threads?q=${encodeURIComponent(word.toLowerCase())}`);
  expect((await api.json()).threads.map((t: { id: string }) => t.id)).toEqual([alpha]);
});

test("Enter sends, Shift+Enter adds a line, and Ctrl+Shift+O starts a new chat", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("keys"));
  await composer(page).fill("first line");
  await expect(page.getByRole("button", { name: "Send message" })).toBeEnabled();
  await composer(page).press("Shift+Enter");
  await composer(page).pressSequentially("second line [[tokens=2]]");
  await expect(userMessages(page)).toHaveCount(0);
  await composer(page).press("Enter");
  await expect(userMessages(page).first()).toContainText("first line\nsecond line");
  await expect(assistantMessages(page).last()).toHaveAttribute("data-status", "complete");
  await threadIdFromUrl(page);

  await page.keyboard.press("Control+Shift+O");
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByRole("heading", { name: "What can I help with?" })).toBeVisible();
  await expect(userMessages(page)).toHaveCount(0);

  // The New chat button does the same.
  await sendMessage(page, "another one [[tokens=2]]");
  await threadIdFromUrl(page);
  await page.getByRole("link", { name: "New chat" }).click();
  await expect(page.getByRole("heading", { name: "What can I help with?" })).toBeVisible();
  await expect(history(page).getByRole("link")).toHaveCount(2);
});

test("on a phone the sidebar is a drawer", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/login");
  const email = uniqueEmail("mobile");
  await signInWithEmail(page, email);
  const threadId = await startThread(page, "Pocket notes");
  const sidebar = page.getByRole("complementary", { name: "Chats" });
  await expect(sidebar).not.toBeInViewport();
  await page.getByRole("link", { name: "Start a new chat" }).click();
  await expect(page.getByRole("heading", { name: "What can I help with?" })).toBeVisible();
  await page.getByRole("button", { name: "Open sidebar" }).click();
  await expect(sidebar).toBeInViewport();
  await expect(sidebar.getByTestId("signed-in-as")).toHaveText(email);
  await sidebar.getByRole("link", { name: /Pocket notes/ }).click();
  await expect(page).toHaveURL(new RegExp(`/chat/${threadId}$`));
  await expect(sidebar).not.toBeInViewport();
  await expect(userMessages(page).first()).toContainText("Pocket notes");
  await context.close();
});

test("Sign out works even before the page's scripts have run", async ({ page, browser }) => {
  await signInWithEmail(page, uniqueEmail("no-js"));
  // A page that has not hydrated submits its forms natively; without scripts it never hydrates.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noJs = await context.newPage();
  await noJs.goto("/chat");
  await noJs.getByRole("button", { name: "Sign out" }).click();
  await expect(noJs).toHaveURL(/\/login/);
  await noJs.goto("/chat");
  await expect(noJs).toHaveURL(/\/login\?callbackUrl=/);
  await context.close();
});
