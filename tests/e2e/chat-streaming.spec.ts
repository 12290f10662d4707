import { expect, test } from "./support/test";
import { testDb } from "./support/db";
import { assistantMessages, composer, marker, modelRequests, sendMessage, threadIdFromUrl, userIdOf, userMessages } from "./support/chat";
import { signInWithEmail, uniqueEmail } from "./support/users";

test("a reply streams in token by token, is stored, and is there after a reload", async ({ page }) => {
  const email = uniqueEmail("stream");
  await signInWithEmail(page, email);
  const word = marker("stream");
  await sendMessage(page, `Count for me ${word} [[tokens=30]] [[delay=120]]`);

  const reply = assistantMessages(page).last();
  // Part of the reply is on screen while the rest is still coming.
  await expect(reply).toContainText("w3");
  await expect(reply).not.toContainText("w30");
  const threadId = await threadIdFromUrl(page);
  const userId = await userIdOf(email);
  const midway = await testDb().message.findMany({ where: { threadId, userId }, orderBy: { createdAt: "asc" } });
  expect(midway.map((m) => [m.role, m.status])).toEqual([
    ["user", "complete"],
    ["assistant", "streaming"],
  ]);
  expect(midway[0]!.content).toContain(word);

  await expect(reply).toContainText("w30");
  await expect(reply).toHaveAttribute("data-status", "complete");
  await expect(page.getByRole("button", { name: "Stop generating" })).toHaveCount(0);
  const stored = await testDb().message.findMany({ where: { threadId, userId }, orderBy: { createdAt: "asc" } });
  expect(stored[1]).toMatchObject({ role: "assistant", status: "complete", model: "openai:test-model" });
  expect(stored[1]!.content.trim().split(" ")).toHaveLength(30);
  expect(stored[1]!.outputTokens).toBe(30);

  // The title came from the first message; the thread is in the sidebar.
  const thread = await testDb().thread.findFirstOrThrow({ where: { id: threadId, userId } });
  expect(thread.title).toContain("Count for me");
  await expect(page.getByRole("navigation", { name: "Chat history" }).getByRole("link", { name: thread.title })).toBeVisible();

  await page.reload();
  await expect(userMessages(page)).toHaveCount(1);
  await expect(userMessages(page).first()).toContainText(word);
  await expect(assistantMessages(page).first()).toContainText("w1 w2 w3");
  await expect(assistantMessages(page).first()).toContainText("w30");
  await expect(page.getByTestId("thread-title")).toHaveText(thread.title);
});

test("stop keeps the partial reply, marks it stopped, and cancels the upstream request", async ({ page }) => {
  const email = uniqueEmail("stop");
  await signInWithEmail(page, email);
  const word = marker("stop");
  await sendMessage(page, `${word} [[tokens=200]] [[delay=100]]`);
  const reply = assistantMessages(page).last();
  await expect(reply).toContainText("w4");
  await page.getByRole("button", { name: "Stop generating" }).click();

  await expect(reply.getByText("Stopped")).toBeVisible();
  const shown = await reply.locator(".markdown").innerText();
  expect(shown).not.toContain("w200");

  // The model server saw its request cut off before the end.
  await expect.poll(async () => (await modelRequests(word)).map((r) => r.aborted)).toEqual([true]);

  const threadId = await threadIdFromUrl(page);
  const userId = await userIdOf(email);
  await expect
    .poll(async () => (await testDb().message.findFirst({ where: { threadId, userId, role: "assistant" } }))?.status)
    .toBe("interrupted");
  const stored = await testDb().message.findFirstOrThrow({ where: { threadId, userId, role: "assistant" } });
  expect(stored.content).toMatch(/^w1 w2 w3 w4/);
  expect(stored.content).not.toContain("w200");

  await page.reload();
  await expect(assistantMessages(page).first().getByText("Stopped")).toBeVisible();
  await expect(assistantMessages(page).first()).toContainText("w1 w2 w3 w4");
});

test("regenerate replaces the last reply with a new one", async ({ page }) => {
  const email = uniqueEmail("regen");
  await signInWithEmail(page, email);
  const word = marker("regen");
  await sendMessage(page, `${word} [[tokens=8]] [[delay=20]]`);
  const first = assistantMessages(page).last();
  await expect(first).toHaveAttribute("data-status", "complete");
  const firstId = await first.getAttribute("data-message-id");

  await page.getByRole("button", { name: "Regenerate reply" }).click();
  await expect(assistantMessages(page)).toHaveCount(1);
  const second = assistantMessages(page).first();
  await expect(second).not.toHaveAttribute("data-message-id", firstId!);
  await expect(second).toHaveAttribute("data-status", "complete");
  await expect(second).toContainText("w8");
  await expect(userMessages(page)).toHaveCount(1);

  const threadId = await threadIdFromUrl(page);
  const userId = await userIdOf(email);
  const stored = await testDb().message.findMany({ where: { threadId, userId }, orderBy: { createdAt: "asc" } });
  expect(stored.map((m) => [m.role, m.status])).toEqual([
    ["user", "complete"],
    ["assistant", "complete"],
  ]);
  expect(stored[1]!.id).toBe(await second.getAttribute("data-message-id"));
  expect(stored[1]!.id).not.toBe(firstId);
  expect(await modelRequests(word)).toHaveLength(2);

  await page.reload();
  await expect(assistantMessages(page)).toHaveCount(1);
  await expect(assistantMessages(page).first()).toHaveAttribute("data-message-id", stored[1]!.id);
});

test("a reply stopped before its first word is marked stopped and cancels the model request", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("regen-early"));
  const word = marker("early");
  // The model server waits this long before each chunk, so the stop lands before any text.
  await sendMessage(page, `${word} [[tokens=3]] [[delay=3000]]`);
  // Stop once the model has the request, so it is the upstream call that gets cancelled.
  await expect.poll(async () => (await modelRequests(word)).length).toBe(1);
  await page.getByRole("button", { name: "Stop generating" }).click();
  const reply = assistantMessages(page).last();
  await expect(reply.getByText("Stopped before any reply")).toBeVisible();
  await expect.poll(async () => (await modelRequests(word)).map((r) => r.aborted)).toEqual([true]);
});

test("a provider failure mid-stream shows a readable error in the thread and is stored", async ({ page }) => {
  const email = uniqueEmail("drop");
  await signInWithEmail(page, email);
  await sendMessage(page, `${marker("drop")} [[tokens=20]] [[drop-after=3]] [[delay=50]]`);
  const reply = assistantMessages(page).last();
  await expect(reply.getByRole("alert")).toContainText("The model stopped responding before finishing its reply");
  await expect(reply).toContainText("w1 w2");
  await expect(reply).not.toContainText("w20");
  await expect(reply).toHaveAttribute("data-status", "error");

  const threadId = await threadIdFromUrl(page);
  const userId = await userIdOf(email);
  const stored = await testDb().message.findFirstOrThrow({ where: { threadId, userId, role: "assistant" } });
  expect(stored.status).toBe("error");
  expect(stored.content).toMatch(/^w1 w2 /);
  expect(stored.content).not.toContain("w4");

  await page.reload();
  await expect(assistantMessages(page).first().getByRole("alert")).toContainText("stopped responding");
  // The page itself is fine: no error page, the composer works.
  await expect(composer(page)).toBeEditable();
});

test("a provider that refuses the request gives an error reply, and the user's message is stored anyway", async ({ page }) => {
  const email = uniqueEmail("http-error");
  await signInWithEmail(page, email);
  const word = marker("fail");
  await sendMessage(page, `${word} [[http-error=500]]`);
  await expect(assistantMessages(page).last().getByRole("alert")).toContainText("HTTP 500");
  const threadId = await threadIdFromUrl(page);
  const userId = await userIdOf(email);
  const stored = await testDb().message.findMany({ where: { threadId, userId }, orderBy: { createdAt: "asc" } });
  expect(stored.map((m) => [m.role, m.status])).toEqual([
    ["user", "complete"],
    ["assistant", "error"],
  ]);
  expect(stored[0]!.content).toContain(word);
});

test("the built-in demo model answers when chosen", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("demo"));
  // Once the composer reacts to typing, the page is interactive.
  await composer(page).fill("warming up");
  await expect(page.getByRole("button", { name: "Send message" })).toBeEnabled();
  await page.getByRole("combobox", { name: "Model" }).selectOption("demo");
  await expect(page.getByText("The built-in demo model is selected")).toBeVisible();
  const word = marker("demo");
  await sendMessage(page, `Hello ${word}`);
  const reply = assistantMessages(page).last();
  await expect(reply).toContainText("demo model");
  await expect(reply).toContainText(word);
  await expect(reply).toHaveAttribute("data-status", "complete");
  expect(await modelRequests(word)).toHaveLength(0);
});

test("code blocks are highlighted once the reply settles, and code and messages can be copied", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInWithEmail(page, uniqueEmail("copy"));
  await sendMessage(page, "[[reply=Try this:\n\n```ts\nconst answer: number = 42;\n```\n\nDone.]] [[delay=5]]");
  const reply = assistantMessages(page).last();
  await expect(reply).toHaveAttribute("data-status", "complete");
  // shiki was loaded on demand and coloured the tokens.
  await expect(reply.locator(".shiki span[style*='--shiki-light']").first()).toBeAttached();

  await reply.getByRole("button", { name: "Copy code" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("const answer: number = 42;");
  await reply.hover();
  await reply.getByRole("button", { name: "Copy message" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("Try this:\n\n```ts\nconst answer: number = 42;\n```\n\nDone.");
});
