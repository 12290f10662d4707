
import { PrismaPg } from "@prisma/adapter-pg";
import { SqliteAdapter } from "./sqlite-adapter";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

// One schema per engine means two generated clients with identical models (tests/unit/schema-drift.test.ts).
// The SQLite client's type stands for both.
export type Db = SqliteClient;

export function engineOf(url: string): "sqlite" | "postgres" {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error("DATABASE_URL must start with file: or postgres://");
}

// Secrets never leave the database layer unless a query asks for them explicitly.
const omit = {
  session: { sessionToken: true },
  apiKey: { hash: true },
  verificationToken: { token: true },
  share: { tokenHash: true },
} as const;

export function createDb(url: string): Db {
  if (engineOf(url) === "postgres") {
    const adapter = new PrismaPg({ connectionString: url, max: 20 });
    // adapter-pg 7 speaks the same driver-adapter protocol as client 6; only a type tag differs.
    return new PostgresClient({ adapter: adapter as never, omit }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new SqliteAdapter({ url }), omit });
}
