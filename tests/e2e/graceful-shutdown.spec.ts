import { startAppProcess } from "./support/app-process";
import { assistantMessages, marker, modelRequests, sendMessage, threadIdFromUrl, userIdOf } from "./support/chat";
import { testDb } from "./support/db";
import { expect, test } from "./support/test";
import { signInWithEmail, uniqueEmail } from "./support/users";

// Each test stops a production server of its own (same start script, same database as the rig's app)
// with SIGTERM, the way Docker, systemd and Kubernetes do, while a reply is streaming.
const assistantRow = (threadId: string, userId: string) => testDb().message.findFirstOrThrow({ where: { threadId, userId, role: "assistant" } });

test("a reply streaming when the server is told to stop still finishes, and the server then exits cleanly", async ({ page }) => {
  test.setTimeout(120_000);
  const app = await startAppProcess({ name: "shutdown-app", env: { SHUTDOWN_GRACE_SECONDS: "30" } });
  try {
    const email = uniqueEmail("drain");
    await signInWithEmail(page, email);
    await page.goto(`${app.origin}/chat`);
    const word = marker("drain");
    await sendMessage(page, `${word} [[tokens=40]] [[delay=100]]`);
    const reply = assistantMessages(page).last();
    await expect(reply).toContainText("w3");

    const exit = app.stop();
    // New connections are refused at once; the reply in flight keeps streaming to the end.
    await expect.poll(() => fetch(`${app.origin}/api/health`).then(() => "served", () => "refused")).toBe("refused");
    await expect(reply).toContainText("w40");
    expect(await exit).toBe(0);

    const stored = await assistantRow(await threadIdFromUrl(page), await userIdOf(email));
    expect(stored.status).toBe("complete");
    expect(stored.content).toContain("w40");
    expect((await modelRequests(word)).map((r) => r.completed)).toEqual([true]);
  } finally {
    await app.kill();
  }
});

test("a reply still streaming when the grace period ends is stored as interrupted with its text, and the server exits", async ({ page }) => {
  test.setTimeout(120_000);
  const app = await startAppProcess({ name: "shutdown-app", env: { SHUTDOWN_GRACE_SECONDS: "2" } });
  try {
    const email = uniqueEmail("grace");
    await signInWithEmail(page, email);
    await page.goto(`${app.origin}/chat`);
    const word = marker("grace");
    await sendMessage(page, `${word} [[tokens=400]] [[delay=100]]`);
    await expect(assistantMessages(page).last()).toContainText("w5");
    const threadId = await threadIdFromUrl(page);

    const stoppedAt = Date.now();
    expect(await app.stop()).toBe(0);
    // Grace (2 s) plus the time to store the reply, far from the 40 s the reply needed.
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);

    const stored = await assistantRow(threadId, await userIdOf(email));
    expect(stored.status).toBe("interrupted");
    expect(stored.content).toMatch(/^w1 w2 w3 w4 w5/);
    expect(stored.content).not.toContain("w400");
    // The model call was cancelled, not left running for a server that is gone.
    await expect.poll(async () => (await modelRequests(word)).map((r) => r.aborted)).toEqual([true]);
  } finally {
    await app.kill();
  }
});
