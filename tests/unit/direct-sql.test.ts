import { describe, expect, it } from "vitest";
import { directSql, type DirectAdapter } from "@/lib/db/direct";
import { isDatabaseUnavailable } from "@/lib/runtime/database-unavailable";

function fakeAdapter(provider: string, fail?: unknown) {
  const seen: { sql: string; args: unknown[]; argTypes: unknown[] }[] = [];
  const adapter: DirectAdapter = {
    provider,
    async queryRaw(query) {
      seen.push(query);
      if (fail) throw fail;
      return { columnNames: ["id", "points"], rows: [["a", 1], ["b", 2]] };
    },
    async executeRaw(query) {
      seen.push(query);
      if (fail) throw fail;
      return 3;
    },
  };
  return { adapter, seen };
}

describe("directSql", () => {
  const when = new Date("2026-12-02T10:00:00.000Z");

  it("numbers PostgreSQL's placeholders, uses ? on SQLite, and types every argument as $queryRaw does", async () => {
    for (const [provider, expected] of [["postgres", `SELECT 1 WHERE a = $1 AND b <= $2 AND c = $3 AND d IS $4`], ["sqlite", `SELECT 1 WHERE a = ? AND b <= ? AND c = ? AND d IS ?`]] as const) {
      const { adapter, seen } = fakeAdapter(provider);
      const rows = await directSql(async () => adapter).rows<{ id: string; points: number }>`SELECT 1 WHERE a = ${"x"} AND b <= ${when} AND c = ${7} AND d IS ${null}`;
      expect(rows).toEqual([{ id: "a", points: 1 }, { id: "b", points: 2 }]);
      expect(seen[0]).toEqual({
        sql: expected,
        args: ["x", when, 7, null],
        argTypes: [
          { scalarType: "string", arity: "scalar" },
          { scalarType: "datetime", arity: "scalar" },
          { scalarType: "int", arity: "scalar" },
          { scalarType: "unknown", arity: "scalar" },
        ],
      });
    }
  });

  it("reports how many rows a write changed", async () => {
    const { adapter } = fakeAdapter("sqlite");
    expect(await directSql(async () => adapter).execute`UPDATE t SET a = ${1}`).toBe(3);
  });

  it("gives adapter failures the shape outage handling reads (a database that went away is a 503, not a 500)", async () => {
    const down = Object.assign(new Error("connection refused"), { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } });
    const { adapter } = fakeAdapter("postgres", down);
    const failure = await directSql(async () => adapter).rows`SELECT 1`.catch((error: unknown) => error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    const broken = Object.assign(new Error("syntax error"), { name: "DriverAdapterError", cause: { kind: "postgres", code: "42601" } });
    const other = await directSql(async () => fakeAdapter("postgres", broken).adapter).execute`SELEC 1`.catch((error: unknown) => error);
    expect(isDatabaseUnavailable(other)).toBe(false);
    expect((other as Error).message).toContain("syntax error");
  });
});
