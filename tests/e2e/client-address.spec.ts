import fs from "node:fs";
import http from "node:http";
import { expect, test } from "./support/test";
import { ports } from "../support/ports";
import { startAppProcess } from "./support/app-process";

// Never retried on CI: an attack that succeeds once is not flakiness.
test.describe.configure({ retries: 0 });

// A request from a loopback address of this test's own, with a client-chosen X-Forwarded-For.
function optionsFrom(localAddress: string, forwardedFor: string, port = ports.app): Promise<{ status: number; remaining: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1", port, localAddress, method: "POST", path: "/api/passkeys/authenticate/options",
        headers: { "content-type": "application/json", host: `localhost:${port}`, "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, remaining: Number(response.headers["ratelimit-remaining"]) }));
      },
    );
    request.on("error", reject);
    request.end("{}");
  });
}

function randomLoopback(): string {
  return `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
}

test("a client cannot choose the address it is rate-limited under", async () => {
  const address = randomLoopback();
  const first = await optionsFrom(address, "203.0.113.1");
  const second = await optionsFrom(address, "198.51.100.2");
  const third = await optionsFrom(address, "203.0.113.1, 198.51.100.3");
  expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
  expect(second.remaining).toBe(first.remaining - 1);
  expect(third.remaining).toBe(first.remaining - 2);
});

// A deployment that runs the standalone server.js without the start script's preload: nothing rebuilt the
// header, so the app itself must refuse to read a client's X-Forwarded-For.
test("without the preload, a spoofed X-Forwarded-For is not used either", async ({}, testInfo) => {
  const bare = await startAppProcess({ name: "bare-server", port: ports.limitedApp + 20 + testInfo.parallelIndex, bare: true });
  try {
    const address = randomLoopback();
    const spoofs = ["203.0.113.10", "198.51.100.20", "192.0.2.30", `203.0.113.${Math.floor(Math.random() * 250)}`];
    const answers = [];
    for (const spoof of spoofs) answers.push(await optionsFrom(address, spoof, bare.port));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    // One budget for all of them: each request spent from the same one.
    for (let i = 1; i < answers.length; i++) expect(answers[i]!.remaining).toBe(answers[0]!.remaining - i);
  } finally {
    await bare.kill();
  }
});

test("requests with X-Forwarded-For while no proxy is trusted give one warning in the log", async ({}, testInfo) => {
  const app = await startAppProcess({ name: "proxy-warning", port: ports.limitedApp + 30 + testInfo.parallelIndex });
  const warnings = () =>
    fs.readFileSync(app.logFile, "utf8").split("\n").filter((line) => line.includes('"event":"untrusted_x_forwarded_for"'));
  try {
    const before = warnings().length;
    await optionsFrom(randomLoopback(), "", app.port);
    expect(warnings()).toHaveLength(before);
    for (let i = 0; i < 3; i++) await optionsFrom(randomLoopback(), `203.0.113.${i + 1}`, app.port);
    await expect.poll(() => warnings().length).toBe(before + 1);
    const line = JSON.parse(warnings().at(-1)!) as { level: string; msg: string };
    expect(line.level).toBe("warn");
    expect(line.msg).toContain("TRUSTED_PROXY_HOPS is 0");
    expect(line.msg).not.toContain("203.0.113");
  } finally {
    await app.stop();
  }
});
