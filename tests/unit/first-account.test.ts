import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import type * as UserQueries from "@/lib/db/queries/users";
import { useMigratedSqlite } from "./support/migrated-sqlite";

// The first-account claim on a database migrated like the app's: of many first sign-ups at once exactly one
// becomes admin, and a refused sign-up leaves no row behind. (The e2e suite runs the policy on PostgreSQL.)
let db: Db;
let users: typeof UserQueries;

beforeAll(async () => {
  await useMigratedSqlite("first");
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
