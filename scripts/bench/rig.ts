// The benchmark rig: the production build (scripts/start.mjs) on a fresh SQLite file or a scratch
// PostgreSQL cluster (scripts/pg.sh), and the OpenAI-compatible model server of the e2e rig, all on
// loopback ports of their own so they never meet the e2e rig's (tests/support/ports.ts).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "../../lib/db/create-client";

export type Engine = "sqlite" | "postgres";

export const root = path.resolve(import.meta.dirname, "../..");

export const benchPorts = {
  app: Number(process.env.BENCH_APP_PORT ?? 3300),
  model: Number(process.env.BENCH_MODEL_PORT ?? 4410),
  pg: Number(process.env.BENCH_PG_PORT ?? 54340),
  // Nothing listens here: EMAIL_SERVER only makes /login show the email form, as in production.
  smtp: Number(process.env.BENCH_SMTP_PORT ?? 2625),
};

// The ungated comparison's secret (BENCH_UNGATED_SECRET), new for every run.
export const ungatedSecret = crypto.randomBytes(24).toString("base64url");
export { UNGATED_HEADER } from "../../lib/bench/secret";
export const MODEL_ID = "openai:test-model";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited (${child.exitCode})\n${output()}`);
    const ok = await fetch(url).then((r) => r.ok).catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s\n${output()}`);
    await sleep(200);
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`).then(() => false, () => true);
}

type Managed = { child: ChildProcess; output: () => string };

// Each part runs in a process group of its own, so stopping it stops what it spawned (start.mjs's
// next-server child, tsx's node child) and nothing else on the machine.
function startProcess(args: string[], env: NodeJS.ProcessEnv): Managed {
  let output = "";
  const child = spawn(process.execPath, args, { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output: () => output };
}

async function stopProcess({ child }: Managed): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const killed = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
  if (!killed) {
    signal("SIGKILL");
    await exited;
  }
}

// The next-server process: start.mjs's child (its pid is what RSS is read from).
function childPidOf(pid: number): number | undefined {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

export function memoryOf(pid: number): { rssKb: number; hwmKb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"))?.[1] ?? NaN);
  return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
}

// User plus system CPU time of a process (all its threads), in milliseconds.
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticksPerSecond = 100; // USER_HZ on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

// BENCH_PROFILE=<dir>: every app process writes a V8 CPU profile there when it stops
// (`npm run bench:profile -- <dir>` sums them up by package and function).
function profileOptions(): Record<string, string> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return {};
  fs.mkdirSync(dir, { recursive: true });
  return { KEYLINE_CPU_PROFILE_DIR: path.resolve(dir) };
}

export type RunningApp = {
  engine: Engine;
  origin: string;
  // Lets a benchmark open the app's stored OAuth signing key (scripts/bench/oauth-token.ts).
  authSecret: string;
  db: Db;
  serverPid: number;
  output: () => string;
  stop: () => Promise<void>;
};

export class Rig {
  readonly work = fs.mkdtempSync(path.join(os.tmpdir(), "keyline-bench-"));
  private model: Managed | undefined;
  private pgStarted = false;
  private app: RunningApp | undefined;
  private appCount = 0;

  constructor() {
    fs.chmodSync(this.work, 0o755); // the postgres user must reach its data folder
  }

  async startModelServer(): Promise<string> {
    const origin = `http://127.0.0.1:${benchPorts.model}`;
    if (this.model) return origin;
    if (!(await portIsFree(benchPorts.model))) throw new Error(`port ${benchPorts.model} is taken; set BENCH_MODEL_PORT`);
    const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
    this.model = startProcess([tsx, "tests/support/model-server.ts"], { ...process.env, MODEL_SERVER_PORT: String(benchPorts.model) });
    await waitFor(`${origin}/health`, this.model.child, this.model.output, 30_000);
    return origin;
  }

  private databaseUrl(engine: Engine): string {
    const name = `bench${++this.appCount}`;
    if (engine === "sqlite") return `file:${path.join(this.work, `${name}.db`)}`;
    const pg = path.join(root, "scripts", "pg.sh");
    const dir = path.join(this.work, "pg");
    if (!this.pgStarted) {
      execFileSync("bash", [pg, "start", dir, String(benchPorts.pg)], { stdio: "inherit" });
      this.pgStarted = true;
    }
    execFileSync("bash", [pg, "createdb", dir, String(benchPorts.pg), name], { stdio: "inherit" });
    return `postgresql://postgres@127.0.0.1:${benchPorts.pg}/${name}`;
  }

  // One app at a time (the machine has two cores); a fresh database for each.
  async startApp(engine: Engine, settings: Record<string, string> = {}): Promise<RunningApp> {
    await this.app?.stop();
    const modelOrigin = await this.startModelServer();
    const port = benchPorts.app;
    if (!(await portIsFree(port))) throw new Error(`port ${port} is taken; set BENCH_APP_PORT`);
    const origin = `http://localhost:${port}`;
    const databaseUrl = this.databaseUrl(engine);
    const authSecret = crypto.randomBytes(32).toString("base64url");
    const managed = startProcess([path.join(root, "scripts", "start.mjs")], {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_URL: origin,
      AUTH_SECRET: authSecret,
      EMAIL_SERVER: `smtp://127.0.0.1:${benchPorts.smtp}`,
      EMAIL_FROM: "Keyline <no-reply@keyline.bench>",
      OPENAI_BASE_URL: `${modelOrigin}/v1`,
      OPENAI_API_KEY: "bench-upstream-key",
      AI_MODELS: `${MODEL_ID},demo`,
      // The limits still run on every request; they are raised so that one benchmark user is not stopped
      // by them (docs/benchmarks.md says so).
      RATE_LIMIT_CHAT: "1000000/1m",
      RATE_LIMIT_API_KEY: "1000000/1m",
      BENCH_UNGATED_SECRET: ungatedSecret,
      ...profileOptions(),
      ...settings,
    });
    await waitFor(`${origin}/api/health`, managed.child, managed.output, 120_000);
    const serverPid = childPidOf(managed.child.pid!);
    if (!serverPid) throw new Error("could not find the next-server process");
    const db = createDb(databaseUrl);
    const app: RunningApp = {
      engine,
      origin,
      authSecret,
      db,
      serverPid,
      output: managed.output,
      stop: async () => {
        if (this.app === app) this.app = undefined;
        await db.$disconnect().catch(() => undefined);
        await stopProcess(managed);
      },
    };
    this.app = app;
    return app;
  }

  async stopAll(): Promise<void> {
    await this.app?.stop();
    if (this.model) await stopProcess(this.model);
    this.model = undefined;
    if (this.pgStarted) {
      execFileSync("bash", [path.join(root, "scripts", "pg.sh"), "stop", path.join(this.work, "pg")], { stdio: "inherit" });
      this.pgStarted = false;
    }
    fs.rmSync(this.work, { recursive: true, force: true });
  }
}
