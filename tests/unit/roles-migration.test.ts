import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";

// Upgrading a deployment that has users: they become active members, the oldest becomes the admin and holds
// the first-account claim (so no later sign-up becomes admin by being "first").
describe("the roles_and_audit migration", () => {
  it("keeps existing users working and gives the deployment an admin", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyline-upgrade-")), "db.sqlite");
    const client = createClient({ url: `file:${file}` });
    const dir = "prisma/sqlite/migrations";
    const migrations = fs.readdirSync(dir).filter((name) => /^\d+_/.test(name)).sort();
    const roles = migrations.findIndex((name) => name.endsWith("_roles_and_audit"));
    for (const name of migrations.slice(0, roles)) await client.executeMultiple(fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    for (const [id, createdAt] of [["newer", "2026-05-01T00:00:00.000+00:00"], ["oldest", "2025-01-01T00:00:00.000+00:00"], ["middle", "2026-01-01T00:00:00.000+00:00"]] as const) {
      await client.execute({ sql: `INSERT INTO "User" ("id", "email", "createdAt", "updatedAt") VALUES (?, ?, ?, ?)`, args: [id, `${id}@example.test`, createdAt, createdAt] });
    }
    for (const name of migrations.slice(roles)) await client.executeMultiple(fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    const users = await client.execute(`SELECT "id", "role", "status", "approvedAt" IS NOT NULL AS "approved" FROM "User" ORDER BY "id"`);
    expect(users.rows.map((row) => ({ ...row }))).toEqual([
      { id: "middle", role: "member", status: "active", approved: 1 },
      { id: "newer", role: "member", status: "active", approved: 1 },
      { id: "oldest", role: "admin", status: "active", approved: 1 },
    ]);
    const claims = await client.execute(`SELECT "name", "userId" FROM "InstanceClaim"`);
    expect(claims.rows.map((row) => ({ ...row }))).toEqual([{ name: "first_account", userId: "oldest" }]);
    client.close();
  });
});
