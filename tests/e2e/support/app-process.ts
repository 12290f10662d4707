import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { rigAppEnv } from "../../support/rig-app-env";

export type AppProcess = {
  origin: string;
  port: number;
  logFile: string;
  // SIGTERM (a graceful stop) and wait for the exit code.
  stop: () => Promise<number | null>;
  // SIGKILL to the start script and the server together (a crash).
  kill: () => Promise<void>;
  exited: Promise<number | null>;
};

const root = path.resolve(import.meta.dirname, "../../..");

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Where app processes write their JSON logs: the run's log folder (scripts/e2e.sh), which the log check
// reads after the suite, or the test's own output folder when run outside that script.
function logFileFor(name: string, port: number): string {
  const dir = process.env.E2E_LOG_DIR ?? path.join(root, "test-results", "app-logs");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}-${port}.log`);
}

// Another production server, started like the rig's app (the same start script and build), with the rig's
// settings plus `env`. Its own process group, so a kill takes the start script and the server together.
// `bare`: the standalone server.js alone, as a deployment that skips the start script would run it (no
// migrations, no preload); the rig's app has already migrated the database.
export async function startAppProcess(options: { name: string; port?: number; env?: Record<string, string>; bare?: boolean }): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const origin = `http://localhost:${port}`;
  const health = () =>
    fetch(`${origin}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
  if (await health()) throw new Error(`port ${port} is taken by another server`);
  // The bare server has no JSON logger, so its plain lines stay out of the run's checked log folder.
  const logFile = options.bare ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyline-bare-")), `${options.name}.log`) : logFileFor(options.name, port);
  const log = fs.openSync(logFile, "a");
  const script = options.bare ? path.join(root, ".next", "standalone", "server.js") : path.join(root, "scripts", "start.mjs");
  const bareEnv: Record<string, string> = options.bare ? { NODE_ENV: "production", HOSTNAME: "0.0.0.0" } : {};
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, ...rigAppEnv(port), ...bareEnv, ...options.env },
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const tail = () => fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited (${child.exitCode}):\n${tail()}`);
    if (await health()) break;
    if (Date.now() > deadline) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`${options.name} did not start:\n${tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    origin,
    port,
    logFile,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      await exited;
    },
  };
}
