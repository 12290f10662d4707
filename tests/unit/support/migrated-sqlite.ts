import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { vi } from "vitest";

// A fresh SQLite file migrated exactly as the app's (every migration in order), with DATABASE_URL pointing at
// it: import the app's database modules only after this, so they connect to it.
export async function useMigratedSqlite(prefix: string): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `keyline-${prefix}-`)), "db.sqlite");
  const client = createClient({ url: `file:${file}` });
  const migrations = fs.readdirSync("prisma/sqlite/migrations").filter((name) => /^\d+_/.test(name)).sort();
  for (const name of migrations) await client.executeMultiple(fs.readFileSync(path.join("prisma/sqlite/migrations", name, "migration.sql"), "utf8"));
  client.close();
  vi.stubEnv("DATABASE_URL", `file:${file}`);
  return file;
}
