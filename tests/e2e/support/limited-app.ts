import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { modelServerOrigin, ports } from "../../support/ports";

export const limitedOrigin = `http://localhost:${ports.limitedApp}`;

// A second production server on the same database with RATE_LIMIT_API_KEY set small, so the limit can
// be hit without throttling other specs. Same build, same start command as the rig's app.
export async function startLimitedApp(limit: string): Promise<{ stop: () => Promise<void>; output: () => string }> {
  const root = path.resolve(import.meta.dirname, "../../..");
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(ports.limitedApp),
      AUTH_URL: limitedOrigin,
      AUTH_SECRET: "e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      OPENAI_BASE_URL: `${modelServerOrigin}/v1`,
      OPENAI_API_KEY: "test-upstream-key",
      AI_MODELS: "openai:test-model,demo",
      RATE_LIMIT_API_KEY: limit,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`limited app exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${limitedOrigin}/api/health`).then((r) => r.ok).catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`limited app did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
