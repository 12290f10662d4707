#!/usr/bin/env node
// Database chores for both engines. Prisma 6 here cannot run `migrate dev` (no shadow database, no native
// engine), so migrations are written with `migrate diff` and applied with `migrate deploy`.
//   node scripts/db.mjs sync                copy the shared models from the SQLite schema into the PostgreSQL one
//   node scripts/db.mjs generate            generate both clients
//   node scripts/db.mjs diff <name>         write a migration for both engines from the last migration's schema
//   node scripts/db.mjs deploy              apply pending migrations to DATABASE_URL (SQLite or PostgreSQL)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseUrl, engineOf } from "./database-url.mjs";

const root = path.resolve(import.meta.dirname, "..");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
const engines = ["sqlite", "postgres"];
const MARKER = "// ---- models (shared) ----";

function prisma(args, env = {}) {
  return execFileSync(prismaBin, args, {
    cwd: root,
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  }).toString();
}

const schemaPath = (engine) => path.join(root, "prisma", engine, "schema.prisma");
const configPath = (engine) => path.join(root, "prisma", engine, "prisma.config.ts");
const migrationsDir = (engine) => path.join(root, "prisma", engine, "migrations");

function sync() {
  const source = fs.readFileSync(schemaPath("sqlite"), "utf8");
  const target = fs.readFileSync(schemaPath("postgres"), "utf8");
  const models = source.slice(source.indexOf(MARKER));
  fs.writeFileSync(schemaPath("postgres"), target.slice(0, target.indexOf(MARKER)) + models);
}

function generate() {
  // `prisma generate` looks for a query engine library it never uses with engineType "client".
  for (const engine of engines) {
    prisma(["generate", "--config", configPath(engine)], { PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true" });
  }
}

// `migrate diff` through the JS engine connects to a database even when diffing two schema files,
// so it gets a scratch SQLite file and a scratch PostgreSQL cluster.
function withScratchDatabases(fn) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "keyline-diff-"));
  fs.chmodSync(scratch, 0o755); // the postgres user must reach its data folder
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const pg = path.join(root, "scripts", "pg.sh");
  execFileSync(pg, ["start", path.join(scratch, "pg"), port], { stdio: "inherit" });
  try {
    execFileSync(pg, ["createdb", path.join(scratch, "pg"), port, "diff"], { stdio: "inherit" });
    fn({
      sqlite: `file:${path.join(scratch, "diff.db")}`,
      postgres: `postgresql://postgres@127.0.0.1:${port}/diff`,
    });
  } finally {
    execFileSync(pg, ["stop", path.join(scratch, "pg")], { stdio: "inherit" });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function diff(name) {
  if (!/^[a-z0-9_]+$/.test(name ?? "")) throw new Error("usage: db.mjs diff <snake_case_name>");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  withScratchDatabases((urls) => diffEach(name, stamp, urls));
}

function diffEach(name, stamp, urls) {
  for (const engine of engines) {
    const dir = migrationsDir(engine);
    fs.mkdirSync(dir, { recursive: true });
    const previous = fs.readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort().at(-1);
    const from = previous
      ? ["--from-schema-datamodel", path.join(dir, previous, "schema.prisma")]
      : ["--from-empty"];
    const sql = prisma(["migrate", "diff", "--config", configPath(engine), ...from,
      "--to-schema-datamodel", schemaPath(engine), "--script"], { DATABASE_URL: urls[engine] });
    const out = path.join(dir, `${stamp}_${name}`);
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "migration.sql"), sql);
    // The schema each migration leads to, so the next diff starts from it.
    fs.copyFileSync(schemaPath(engine), path.join(out, "schema.prisma"));
    if (!fs.existsSync(path.join(dir, "migration_lock.toml"))) {
      fs.writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${engine === "sqlite" ? "sqlite" : "postgresql"}"\n`);
    }
    console.log(`wrote ${path.relative(root, out)}`);
  }
}

function deploy() {
  const url = databaseUrl();
  const engine = engineOf(url);
  if (engine === "sqlite") {
    const file = url.replace(/^file:/, "");
    fs.mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true });
  }
  try {
    process.stdout.write(prisma(["migrate", "deploy", "--config", configPath(engine)], { DATABASE_URL: url }));
  } catch (error) {
    // Prisma has printed its own error on stderr; the exception around it adds nothing readable.
    process.stdout.write(error.stdout ?? "");
    process.exit(error.status ?? 1);
  }
}

const [command, arg] = process.argv.slice(2);
const commands = { sync, generate, diff: () => diff(arg), deploy };
if (!commands[command]) {
  console.error("usage: node scripts/db.mjs sync|generate|diff <name>|deploy");
  process.exit(2);
}
commands[command]();
