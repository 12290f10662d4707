import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { leakListener, watchPage } from "./support/hostile-content";
import { testDb } from "./support/db";
import { assistantMessages, chatBody, marker, postChat, sendMessage, threadIdFromUrl, userIdOf, userMessages } from "./support/chat";
import { signInWithEmail, uniqueEmail } from "./support/users";

test("XSS in a user message and in model output executes nothing and fetches nothing", async ({ page }) => {
  const leak = await leakListener();
  const watched = watchPage(page);
  await signInWithEmail(page, uniqueEmail("xss"));

  const payload = [
    `<img src=x onerror="window.__xss='img'">`,
    `<script>window.__xss='script'</script>`,
    `[click me](javascript:window.__xss='link')`,
    `<a href="javascript:window.__xss='raw-a'">raw link</a>`,
    `![secret chat](http://127.0.0.1:${leak.port}/leak?data=secret)`,
    `<iframe src="http://127.0.0.1:${leak.port}/frame"></iframe>`,
  ].join(" \n\n");
  // The model server replies with exactly the payload, so it is both the user's message and the model's output.
  await sendMessage(page, `[[reply=${payload}]] [[delay=5]]`);
  const reply = assistantMessages(page).last();
  await expect(reply).toHaveAttribute("data-status", "complete");

  async function checkNothingRan() {
    const reply = assistantMessages(page).last();
    // Raw HTML is shown as text, never turned into elements.
    await expect(reply).toContainText(`<img src=x onerror="window.__xss='img'">`);
    await expect(reply).toContainText("<script>");
    expect(await reply.locator("img, script, iframe").count()).toBe(0);
    expect(await page.locator('[href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
    // The javascript: link is plain text; clicking it does nothing.
    await reply.getByText("click me").click();
    // The image is a link, not loaded.
    await expect(reply.getByRole("link", { name: `Open image “secret chat” from 127.0.0.1:${leak.port} in a new tab` })).toBeVisible();
    await expect(userMessages(page).last()).toContainText("<script>window.__xss='script'</script>");
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(watched.dialogs).toEqual([]);
    expect(leak.hits).toEqual([]);
    expect(watched.requests.filter((url) => new URL(url).pathname.endsWith("/x") || url.includes(`:${leak.port}`))).toEqual([]);
  }

  await checkNothingRan();
  await page.reload();
  await checkNothingRan();

  // The listener works: opening the image on purpose reaches it (in a new tab, without a referrer).
  const [popup] = await Promise.all([page.context().waitForEvent("page"), assistantMessages(page).last().getByRole("link", { name: /Open image/ }).click()]);
  // (The new tab may also ask that server for a favicon.)
  await expect.poll(() => leak.hits).toContain("/leak?data=secret");
  await popup.close();
  await leak.close();
});

test("user B gets a 404 for every page, route and action on user A's thread, and A's data does not change", async ({ browser }) => {
  const aContext = await browser.newContext();
  const a = await aContext.newPage();
  const aEmail = uniqueEmail("owner-a");
  await signInWithEmail(a, aEmail);
  const secret = marker("secret");
  await sendMessage(a, `A's private plan ${secret} [[tokens=3]] [[delay=5]]`);
  await expect(assistantMessages(a).last()).toHaveAttribute("data-status", "complete");
  const aThread = await threadIdFromUrl(a);
  const aUserId = await userIdOf(aEmail);
  const snapshot = async () => ({
    thread: await testDb().thread.findUnique({ where: { id: aThread } }),
    messages: await testDb().message.findMany({ where: { threadId: aThread }, orderBy: { createdAt: "asc" } }),
  });
  const before = await snapshot();
  expect(before.messages).toHaveLength(2);
  const aUserMessage = before.messages[0]!;

  const bContext = await browser.newContext();
  const b = await bContext.newPage();
  await signInWithEmail(b, uniqueEmail("intruder-b"));

  // Pages.
  const pageResponse = await b.goto(`/chat/${aThread}`);
  expect(pageResponse?.status()).toBe(404);
  await expect(b.getByRole("heading", { name: "This chat does not exist" })).toBeVisible();
  await expect(b.getByText(secret)).toHaveCount(0);

  // Routes: the same 404 body as a thread that does not exist.
  const missing = randomUUID();
  const expected = await b.request.get(`/api/threads/${missing}`);
  expect(expected.status()).toBe(404);
  const notFound = await expected.json();
  expect(notFound).toEqual({ error: { code: "not_found:thread", message: expect.any(String) } });
  const attempts = [
    () => b.request.get(`/api/threads/${aThread}`),
    () => b.request.get(`/api/threads/${aThread}/messages`),
    () => b.request.patch(`/api/threads/${aThread}`, { data: { title: "pwned" } }),
    () => b.request.delete(`/api/threads/${aThread}`),
    () => b.request.post("/api/chat", { data: chatBody(aThread, "let me in") }),
    // Re-sending A's stored message would regenerate A's reply if ownership were not checked.
    () => b.request.post("/api/chat", { data: { id: aThread, message: { id: aUserMessage.id, role: "user", parts: [{ type: "text", text: "x" }] } } }),
  ];
  for (const attempt of attempts) {
    const response = await attempt();
    expect(response.status(), response.url()).toBe(404);
    expect(await response.json()).toEqual(notFound);
  }
  // A's message id cannot be taken over in a thread of B's either.
  const bNewThread = randomUUID();
  const collide = await postChat(b.request, { id: bNewThread, message: { id: aUserMessage.id, role: "user", parts: [{ type: "text", text: "mine now" }] } });
  expect(collide.status).toBe(409);
  expect(await testDb().thread.count({ where: { id: bNewThread } })).toBe(0);
  // Search sees only B's own threads.
  expect((await (await b.request.get(`/api/threads?q=${secret}`)).json()).threads).toEqual([]);

  // Server actions: B renames and deletes a thread of B's own, with A's id swapped into the request.
  await b.goto("/chat");
  await sendMessage(b, "B's own chat [[tokens=2]] [[delay=5]]");
  await expect(assistantMessages(b).last()).toHaveAttribute("data-status", "complete");
  const bThread = await threadIdFromUrl(b);
  const swapped: string[] = [];
  await b.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] && request.postData()?.includes(bThread)) {
      swapped.push(request.headers()["next-action"]!);
      return route.continue({ postData: request.postData()!.replaceAll(bThread, aThread) });
    }
    return route.continue();
  });
  await b.getByRole("button", { name: /Options for B's own chat/ }).click();
  await b.getByRole("menuitem", { name: "Rename" }).click();
  await b.getByRole("textbox", { name: "Chat title" }).fill("pwned by B");
  await b.getByRole("textbox", { name: "Chat title" }).press("Enter");
  await expect(b.getByRole("alert").filter({ hasText: "This chat does not exist." })).toBeVisible();
  await b.getByRole("textbox", { name: "Chat title" }).press("Escape");

  await b.getByRole("button", { name: /Options for B's own chat/ }).click();
  await b.getByRole("menuitem", { name: "Delete" }).click();
  await b.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(b.getByRole("dialog").getByRole("alert")).toHaveText("This chat does not exist.");
  expect(swapped).toHaveLength(2);

  // Nothing of A's changed, and A still has the thread.
  expect(await snapshot()).toEqual(before);
  expect(before.thread?.userId).toBe(aUserId);
  await a.reload();
  await expect(userMessages(a).first()).toContainText(secret);
  await aContext.close();
  await bContext.close();
});

test("a cross-site POST with the session cookie is refused and stores nothing", async ({ page }) => {
  const email = uniqueEmail("csrf");
  await signInWithEmail(page, email);
  const threadId = randomUUID();
  const response = await page.request.post("/api/chat", {
    data: chatBody(threadId, "from another site"),
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(response.status()).toBe(403);
  expect(await testDb().thread.count({ where: { id: threadId } })).toBe(0);
  expect(await testDb().message.count({ where: { userId: await userIdOf(email) } })).toBe(0);
});
