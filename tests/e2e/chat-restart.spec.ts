import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { testDb } from "./support/db";
import { assistantMessages, marker, modelRequests, sendMessage, threadIdFromUrl, userIdOf, userMessages } from "./support/chat";
import { signInWithEmail, uniqueEmail } from "./support/users";
import { rigAppEnv } from "../support/rig-app-env";

// This test runs its own app process (the production start script) on a free port, against the same
// database as the rig's app, so it can kill it without disturbing other tests.
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function startApp(port: number, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, "a");
  // Its own process group, so the start script and the server it spawns die together.
  return spawn(process.execPath, ["scripts/start.mjs"], {
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      ...rigAppEnv(port),
    },
  });
}

async function waitForHealth(origin: string) {
  await expect
    .poll(async () => (await fetch(`${origin}/api/health`).catch(() => null))?.status, { timeout: 60_000, intervals: [250] })
    .toBe(200);
}

async function killGroup(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGKILL");
  await exited;
}

test("a server killed mid-stream, then restarted: the user's message is there once and the reply is interrupted", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  let app: ChildProcess | undefined = startApp(port, testInfo.outputPath("app-1.log"));
  try {
    const email = uniqueEmail("restart");
    await signInWithEmail(page, email);
    await waitForHealth(origin);

    await page.goto(`${origin}/chat`);
    const word = marker("crash");
    await sendMessage(page, `${word} [[tokens=300]] [[delay=100]]`);
    const reply = assistantMessages(page).last();
    // Long enough for the partial text to have been saved at least once.
    await expect(reply).toContainText("w20");
    const threadId = await threadIdFromUrl(page);
    const userId = await userIdOf(email);

    await killGroup(app);
    app = undefined;
    const dangling = await testDb().message.findFirstOrThrow({ where: { threadId, userId, role: "assistant" } });
    expect(dangling.status).toBe("streaming");
    // The model server saw the request end when its client died.
    await expect.poll(async () => (await modelRequests(word)).map((r) => r.aborted)).toEqual([true]);

    app = startApp(port, testInfo.outputPath("app-2.log"));
    await waitForHealth(origin);
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
    if (app) await killGroup(app);
  }
});
