import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ports } from "../../support/ports";
import { rigAppEnv } from "../../support/rig-app-env";

export type LimitedApp = { origin: string; stop: () => Promise<void>; output: () => string };

// A second production server on the same database with RATE_LIMIT_API_KEY set small, so the limit can
// be hit without throttling other specs. Same build, same start command as the rig's app. One per
// Playwright worker (E2E_LIMITED_APP_PORT + the worker's parallel index), so workers never share one.
export async function startLimitedApp(limit: string, workerIndex: number): Promise<LimitedApp> {
  const root = path.resolve(import.meta.dirname, "../../..");
  const port = ports.limitedApp + workerIndex;
  const origin = `http://localhost:${port}`;
  const health = () => fetch(`${origin}/api/health`).then((r) => r.ok).catch(() => false);
  if (await health()) throw new Error(`port ${port} is taken by another server; set E2E_LIMITED_APP_PORT`);
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      ...rigAppEnv(port),
      RATE_LIMIT_API_KEY: limit,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`limited app exited (${child.exitCode}):\n${output}`);
    if (await health()) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`limited app did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    origin,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
