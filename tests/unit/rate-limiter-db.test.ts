import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RateLimiterRes } from "rate-limiter-flexible";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/create-client";
import { RateLimiterDb } from "@/lib/rate-limit/db-limiter";

// The one-statement store on SQLite (the e2e suite runs the same limits on PostgreSQL as well).
let db: Db;

beforeAll(async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyline-limiter-")), "db.sqlite");
  db = createDb(`file:${file}`);
  const migration = fs.readdirSync("prisma/sqlite/migrations").find((name) => /^\d+_init$/.test(name))!;
  const sql = fs.readFileSync(path.join("prisma/sqlite/migrations", migration, "migration.sql"), "utf8");
  await db.$executeRawUnsafe(sql.match(/CREATE TABLE "RateLimitBucket" \([^;]+\);/)![0]);
});

const limiter = (points: number, duration = 60) => new RateLimiterDb({ storeClient: db, keyPrefix: `t${Math.random()}`, points, duration });

describe("RateLimiterDb", () => {
  it("lets exactly N of many parallel requests through a limit of N", async () => {
    const limit = limiter(5);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => limit.consume("key")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => r.reason instanceof RateLimiterRes && r.reason.remainingPoints === 0)).toBe(true);
    expect((await limit.get("key"))?.consumedPoints).toBe(20);
  });

  it("counts keys separately and starts a new window once the old one has expired", async () => {
    const limit = limiter(2, 1);
    await limit.consume("a");
    await limit.consume("a");
    await expect(limit.consume("a")).rejects.toBeInstanceOf(RateLimiterRes);
    expect((await limit.consume("b")).remainingPoints).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const fresh = await limit.consume("a");
    expect(fresh.consumedPoints).toBe(1);
    expect(fresh.msBeforeNext).toBeGreaterThan(900);
  });

  it("blocks and deletes through the library's own calls", async () => {
    const limit = limiter(3);
    await limit.block("k", 30);
    const blocked = await limit.get("k");
    expect(blocked?.remainingPoints).toBe(0);
    expect(blocked?.msBeforeNext).toBeGreaterThan(29_000);
    await limit.delete("k");
    expect(await limit.get("k")).toBeNull();
  });
});
