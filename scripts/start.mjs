#!/usr/bin/env node
// Production start: apply pending migrations to DATABASE_URL (SQLite or PostgreSQL), then serve the
// standalone build. Used by `npm start`, the local command, the e2e rig and the Dockerfile alike.
// Everything it prints is a JSON log line, like the server's (scripts/server/logger.cjs).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import pino from "pino";
import { databaseUrl, engineOf } from "./database-url.mjs";

const log = pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } });
const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, ".next", "standalone", "server.js");
if (!fs.existsSync(server)) {
  log.error("no production build found; run `npm run build` first");
  process.exit(1);
}

// The standalone server changes its working directory, so relative SQLite paths are made absolute here.
let url = databaseUrl();
if (engineOf(url) === "sqlite") {
  const file = url.slice("file:".length);
  url = `file:${path.resolve(root, file)}`;
}
const env = {
  ...process.env,
  DATABASE_URL: url,
  NODE_ENV: "production",
  HOSTNAME: process.env.HOSTNAME ?? "0.0.0.0",
  // Signals are handled by the preload's graceful shutdown, not by Next's immediate exit.
  NEXT_MANUAL_SIG_HANDLE: "1",
};
if (env.EMAIL_OUTBOX) env.EMAIL_OUTBOX = path.resolve(root, env.EMAIL_OUTBOX);

// Instances starting together (a scaled deployment) all try to migrate: Prisma serialises them with a
// PostgreSQL advisory lock but gives up waiting after 10 s, so a lock timeout is retried, not fatal.
for (let attempt = 1; ; attempt += 1) {
  const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "db.mjs"), "deploy"], { env, encoding: "utf8" });
  const output = stripVTControlCharacters(`${migrate.stdout}\n${migrate.stderr}`);
  if (migrate.status === 0) {
    for (const line of output.split("\n")) if (line.trim()) log.info({ source: "migrate" }, line.trim());
    break;
  }
  if (output.includes("advisory lock") && attempt < 6) {
    log.info({ source: "migrate", attempt }, "another instance is applying migrations; waiting for it");
    continue;
  }
  for (const line of output.split("\n")) if (line.trim()) log.error({ source: "migrate" }, line.trim());
  log.error({ source: "migrate", exitCode: migrate.status }, "migrations failed; not starting");
  process.exit(1);
}

const preload = path.join(root, "scripts", "server", "preload.cjs");
// Profiling a running server (the benchmarks' BENCH_PROFILE): Node refuses --cpu-prof in NODE_OPTIONS.
const profile = process.env.KEYLINE_CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.KEYLINE_CPU_PROFILE_DIR)}`] : [];
const child = spawn(process.execPath, [...profile, "--require", preload, server], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
