
import { PrismaPg } from "@prisma/adapter-pg";
import { directSql, type DirectAdapter, type DirectSql } from "./direct";
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
  invitation: { tokenHash: true },
} as const;

type AdapterFactory = { connect(): Promise<unknown> };

const directs = new WeakMap<Db, DirectSql>();

// The adapter the client connects through, kept so that hot-path statements can use it directly (direct.ts).
function keepConnected(factory: AdapterFactory): { factory: AdapterFactory; latest: () => DirectAdapter | undefined } {
  const connect = factory.connect.bind(factory);
  let latest: DirectAdapter | undefined;
  factory.connect = async () => {
    const adapter = await connect();
    latest = adapter as DirectAdapter;
    return adapter;
  };
  return { factory, latest: () => latest };
}

export function createDb(url: string): Db {
  const postgres = engineOf(url) === "postgres";
  const kept = keepConnected(postgres ? new PrismaPg({ connectionString: url, max: 20 }) : new SqliteAdapter({ url }));
  // adapter-pg 7 speaks the same driver-adapter protocol as client 6; only a type tag differs.
  const db = postgres
    ? (new PostgresClient({ adapter: kept.factory as never, omit }) as unknown as Db)
    : (new SqliteClient({ adapter: kept.factory as SqliteAdapter, omit }) as unknown as Db);
  directs.set(
    db,
    directSql(async () => {
      if (!kept.latest()) await db.$connect();
      return kept.latest()!;
    }),
  );
  return db;
}

// Statements straight to the driver adapter of this client (lib/db/direct.ts).
export function directOf(db: Db): DirectSql {
  return directs.get(db)!;
}
