import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { testDb } from "./support/db";
import { assistantMessages, chatBody, composer, marker, postChat, sendMessage, userIdOf, userMessages } from "./support/chat";
import { signInWithEmail, uniqueEmail } from "./support/users";

async function seedThread(userId: string, count: number, label: string) {
  const id = randomUUID();
  const start = Date.now() - count * 1000;
  await testDb().thread.create({ data: { id, userId, title: `Long thread ${label}`, model: "openai:test-model", updatedAt: new Date(start) } });
  await testDb().message.createMany({
    data: Array.from({ length: count }, (_, i) => {
      const text = `${label} message ${i + 1}`;
      return {
        id: randomUUID(),
        threadId: id,
        userId,
        role: i % 2 === 0 ? "user" : "assistant",
        parts: [{ type: "text", text }],
        content: text,
        createdAt: new Date(start + i * 1000),
      };
    }),
  });
  return id;
}

test("a long thread opens on its latest page and loads older pages as the reader scrolls up", async ({ page }) => {
  const email = uniqueEmail("history");
  await signInWithEmail(page, email);
  const label = marker("h");
  const threadId = await seedThread(await userIdOf(email), 95, label);

  await page.goto(`/chat/${threadId}`);
  await expect(page.getByText(`${label} message 95`, { exact: true })).toBeVisible();
  // Only the latest page is in the page at first.
  await expect(page.getByText(`${label} message 1`, { exact: true })).toHaveCount(0);
  await expect(page.locator("article")).toHaveCount(30);

  const scroller = page.getByTestId("message-scroller");
  for (let i = 0; i < 10 && (await page.getByText(`${label} message 1`, { exact: true }).count()) === 0; i++) {
    await scroller.hover();
    await page.mouse.wheel(0, -20_000);
    await page.waitForTimeout(400);
  }
  await expect(page.getByText(`${label} message 1`, { exact: true })).toBeAttached();
  await expect(page.locator("article")).toHaveCount(95);
  // In order, with nothing repeated.
  const texts = await page.locator("article").allInnerTexts();
  expect(texts.map((t) => Number(t.match(/message (\d+)/)![1]))).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
});

test("the history route pages newest first with a cursor and covers every message once", async ({ page }) => {
  const email = uniqueEmail("paging");
  await signInWithEmail(page, email);
  const label = marker("p");
  const threadId = await seedThread(await userIdOf(email), 61, label);

  const seen: number[] = [];
  let before: string | null = null;
  let pages = 0;
  do {
    const query: string = before ? `?limit=25&before=${encodeURIComponent(before)}` : "?limit=25";
    const response = await page.request.get(`/api/threads/${threadId}/messages${query}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { messages: { parts: { text: string }[]; status: string; role: string; createdAt: string }[]; nextCursor: string | null };
    const numbers = body.messages.map((m) => Number(m.parts[0]!.text.match(/message (\d+)/)![1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    seen.unshift(...numbers);
    before = body.nextCursor;
    pages += 1;
  } while (before);
  expect(pages).toBe(3);
  expect(seen).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));

  const bad = await page.request.get(`/api/threads/${threadId}/messages?before=not-a-cursor`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("bad_request:cursor");
});

test("empty and over-long messages are refused with a clear reason, in the composer and by the API", async ({ page }) => {
  const email = uniqueEmail("limits");
  await signInWithEmail(page, email);
  await expect(composer(page)).toBeEditable();
  const send = page.getByRole("button", { name: "Send message" });
  await composer(page).fill("   ");
  await expect(send).toBeDisabled();

  await composer(page).fill("x".repeat(32_001));
  await expect(page.getByRole("alert").filter({ hasText: "Messages can be at most 32,000 characters; this one has 32,001." })).toBeVisible();
  await expect(send).toBeDisabled();
  await composer(page).press("Enter");
  await expect(userMessages(page)).toHaveCount(0);

  const threadId = randomUUID();
  const empty = await postChat(page.request, chatBody(threadId, "  \n "));
  expect(empty.status).toBe(400);
  expect(JSON.parse(empty.text)).toEqual({ error: { code: "bad_request:empty_message", message: "Type a message before sending." } });
  const long = await postChat(page.request, chatBody(threadId, "y".repeat(32_001)));
  expect(long.status).toBe(400);
  expect(JSON.parse(long.text).error).toMatchObject({ code: "bad_request:message_too_long", message: expect.stringContaining("32,000") });
  const huge = await postChat(page.request, chatBody(threadId, "z".repeat(400_000)));
  expect(huge.status).toBe(413);
  const badModel = await postChat(page.request, chatBody(threadId, "hello", { model: "openai:not-offered" }));
  expect(badModel.status).toBe(400);
  expect(JSON.parse(badModel.text).error.code).toBe("bad_request:model");
  const badId = await postChat(page.request, chatBody("not-a-uuid", "hello"));
  expect(badId.status).toBe(400);
  const plain = await page.request.post("/api/chat", { data: "hello", headers: { "content-type": "text/plain" } });
  expect(plain.status()).toBe(415);
  // None of it started a thread or stored a message.
  expect(await testDb().message.count({ where: { userId: await userIdOf(email) } })).toBe(0);
  expect(await testDb().thread.count({ where: { id: threadId } })).toBe(0);
});

test("a person sending too fast gets a 429 with rate-limit headers, and the composer keeps the text", async ({ page }) => {
  const email = uniqueEmail("ratelimit");
  await signInWithEmail(page, email);
  const threadId = randomUUID();
  // RATE_LIMIT_CHAT defaults to 20 a minute.
  for (let i = 0; i < 20; i++) {
    const ok = await postChat(page.request, chatBody(threadId, `quick ${i} [[tokens=1]] [[delay=0]]`));
    expect(ok.status, `message ${i}`).toBe(200);
  }
  const refused = await postChat(page.request, chatBody(threadId, "one too many"));
  expect(refused.status).toBe(429);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  expect(refused.headers["ratelimit-limit"]).toBe("20");
  expect(refused.headers["ratelimit-remaining"]).toBe("0");
  expect(JSON.parse(refused.text).error.code).toBe("rate_limited:too_many_requests");

  const word = marker("late");
  await sendMessage(page, `too fast ${word}`);
  await expect(page.getByRole("alert").filter({ hasText: "You are sending messages too quickly" })).toBeVisible();
  await expect(composer(page)).toHaveValue(`too fast ${word}`);
  await expect(userMessages(page)).toHaveCount(0);
  await expect(assistantMessages(page)).toHaveCount(0);
  const userId = await userIdOf(email);
  expect(await testDb().message.count({ where: { userId, content: { contains: word } } })).toBe(0);
  expect(await testDb().message.count({ where: { userId, role: "user" } })).toBe(20);
});
