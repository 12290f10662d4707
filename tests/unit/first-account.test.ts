import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-client";
import type * as UserQueries from "@/lib/db/queries/users";

// The first-account claim on a database migrated like the app's: of many first sign-ups at once exactly one
// becomes admin, and a refused sign-up leaves no row behind. (The e2e suite runs the policy on PostgreSQL.)
let db: Db;
let users: typeof UserQueries;

beforeAll(async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyline-first-")), "db.sqlite");
  const client = createClient({ url: `file:${file}` });
  const migrations = fs.readdirSync("prisma/sqlite/migrations").filter((name) => /^\d+_/.test(name)).sort();
  for (const name of migrations) await client.executeMultiple(fs.readFileSync(path.join("prisma/sqlite/migrations", name, "migration.sql"), "utf8"));
  client.close();
  vi.stubEnv("DATABASE_URL", `file:${file}`);
  db = (await import("@/lib/db/client")).db;
  users = await import("@/lib/db/queries/users");
});

const decide = ({ firstAccount }: { firstAccount: boolean }) => (firstAccount ? { role: "admin", status: "active" } : { role: "member", status: "pending" });

describe("createUserWithStanding", () => {
  it("makes exactly one of ten simultaneous first sign-ups the first account", async () => {
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => users.createUserWithStanding({ email: `first-${i}@example.test` }, decide)));
    expect(created.filter((user) => user.role === "admin")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
    expect(await users.isFirstAccountClaimed()).toBe(true);
    const later = await users.createUserWithStanding({ email: "later@example.test" }, decide);
    expect(later).toMatchObject({ role: "member", status: "pending", approvedAt: null });
  });

  it("creates nothing when the policy refuses", async () => {
    await expect(users.createUserWithStanding({ email: "refused@example.test" }, () => null)).rejects.toThrow(users.SignUpRefusedError);
    expect(await db.user.count({ where: { email: "refused@example.test" } })).toBe(0);
  });
});
