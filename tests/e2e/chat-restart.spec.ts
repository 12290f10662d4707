import { expect, test } from "./support/test";
import { freePort, startAppProcess, type AppProcess } from "./support/app-process";
import { testDb } from "./support/db";
import { assistantMessages, marker, modelRequests, sendMessage, threadIdFromUrl, userIdOf, userMessages } from "./support/chat";
import { signInWithEmail, uniqueEmail } from "./support/users";

// This test runs its own app process (the production start script) on a free port, against the same
// database as the rig's app, so it can kill it without disturbing other tests.
test("a server killed mid-stream, then restarted: the user's message is there once and the reply is interrupted", async ({ page }) => {
  test.setTimeout(150_000);
  const port = await freePort();
  let app: AppProcess | undefined = await startAppProcess({ name: "restart-app", port });
  const origin = app.origin;
  try {
    const email = uniqueEmail("restart");
    await signInWithEmail(page, email);

    await page.goto(`${origin}/chat`);
    const word = marker("crash");
    await sendMessage(page, `${word} [[tokens=300]] [[delay=100]]`);
    const reply = assistantMessages(page).last();
    // Long enough for the partial text to have been saved at least once.
    await expect(reply).toContainText("w20");
    const threadId = await threadIdFromUrl(page);
    const userId = await userIdOf(email);

    await app.kill();
    app = undefined;
    const dangling = await testDb().message.findFirstOrThrow({ where: { threadId, userId, role: "assistant" } });
    expect(dangling.status).toBe("streaming");
    // The model server saw the request end when its client died.
    await expect.poll(async () => (await modelRequests(word)).map((r) => r.aborted)).toEqual([true]);

    app = await startAppProcess({ name: "restart-app", port });
    // Nothing heartbeats for the dead server's reply any more, so the restarted server's sweep repairs it
    // once it is stale (lib/chat/stream-liveness.ts), without knowing which instance it belonged to.
    await expect
      .poll(async () => (await testDb().message.findFirstOrThrow({ where: { threadId, userId, role: "assistant" } })).status, {
        timeout: 45_000,
        intervals: [1_000],
      })
      .toBe("interrupted");
    const recovered = await testDb().message.findFirstOrThrow({ where: { threadId, userId, role: "assistant" } });
    expect(recovered.content).toMatch(/^w1 w2 w3/);
    expect(recovered.content).not.toContain("w300");
    expect(await testDb().message.count({ where: { threadId, userId, role: "user" } })).toBe(1);

    await page.goto(`${origin}/chat/${threadId}`);
    await expect(userMessages(page)).toHaveCount(1);
    await expect(userMessages(page).first()).toContainText(word);
    await expect(assistantMessages(page)).toHaveCount(1);
    await expect(assistantMessages(page).first()).toHaveAttribute("data-status", "interrupted");
    await expect(assistantMessages(page).first().getByText("Stopped")).toBeVisible();
  } finally {
    await app?.kill();
  }
});
