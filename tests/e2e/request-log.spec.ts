import fs from "node:fs";
import path from "node:path";
import { appOrigin, ports } from "../support/ports";
import { expect, test } from "./support/test";

// The rig's app writes its JSON log lines to the run's log folder (playwright.config.ts).
const logFile = path.join(process.env.E2E_LOG_DIR ?? path.resolve("test-results", "app-logs"), `app-${ports.app}.log`);

function linesWithId(requestId: string): Record<string, unknown>[] {
  return fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("each request gets an id, returned to the client and on its access line, which leaves the query string out", async () => {
  const response = await fetch(`${appOrigin}/login?token=query-secret-0123456789&callbackUrl=%2Fchat`);
  expect(response.status).toBe(200);
  const requestId = response.headers.get("x-request-id")!;
  expect(requestId).toMatch(/^req_[0-9a-f]{24}$/);

  await expect.poll(() => linesWithId(requestId).filter((line) => line.msg === "request").length).toBe(1);
  const [access] = linesWithId(requestId).filter((line) => line.msg === "request");
  expect(access).toMatchObject({ level: "info", requestId, method: "GET", route: "/login", path: "/login", status: 200 });
  expect(typeof access!.durationMs).toBe("number");
  expect(fs.readFileSync(logFile, "utf8")).not.toContain("query-secret-0123456789");
});

test("a request id sent by a client is not trusted without a trusted proxy in front", async () => {
  const response = await fetch(`${appOrigin}/api/health`, { headers: { "x-request-id": "chosen-by-client-123" } });
  expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{24}$/);
  await expect.poll(() => linesWithId(response.headers.get("x-request-id")!).length).toBe(1);
  expect(linesWithId("chosen-by-client-123")).toEqual([]);
});
