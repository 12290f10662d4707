#!/usr/bin/env node
// Production start: apply pending migrations to DATABASE_URL (SQLite or PostgreSQL), then serve the
// standalone build. Used by `npm start`, the local command, the e2e rig and the Dockerfile alike.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl, engineOf } from "./database-url.mjs";

const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, ".next", "standalone", "server.js");
if (!fs.existsSync(server)) {
  console.error("keyline: no production build found; run `npm run build` first");
  process.exit(1);
}

// The standalone server changes its working directory, so relative SQLite paths are made absolute here.
let url = databaseUrl();
if (engineOf(url) === "sqlite") {
  const file = url.slice("file:".length);
  url = `file:${path.resolve(root, file)}`;
}
const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "production", HOSTNAME: process.env.HOSTNAME ?? "0.0.0.0" };
if (env.EMAIL_OUTBOX) env.EMAIL_OUTBOX = path.resolve(root, env.EMAIL_OUTBOX);

execFileSync(process.execPath, [path.join(root, "scripts", "db.mjs"), "deploy"], { env, stdio: "inherit" });

const preload = path.join(root, "scripts", "client-address.cjs");
const child = spawn(process.execPath, ["--require", preload, server], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
