import type { Client, Config, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

// libsql opens SQLite connections with busy_timeout 0, so a write that meets another process's lock
// fails at once (SQLITE_BUSY), and it opens a fresh connection after every transaction. This client
// sets WAL and a busy timeout on each connection before its first statement.
const CONNECTION_PRAGMAS = ["PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"];

export function withConnectionPragmas(inner: Client): Client {
  let fresh = true;
  const prepare = async () => {
    if (!fresh) return;
    fresh = false;
    for (const pragma of CONNECTION_PRAGMAS) await inner.execute(pragma);
  };
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === "execute" || property === "batch" || property === "executeMultiple" || property === "migrate") {
        return async (...args: unknown[]) => {
          await prepare();
          return (Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (property === "transaction") {
        // Prisma asks for "deferred" transactions. One that reads and then writes while another connection
        // writes cannot upgrade its lock and fails at once with SQLITE_BUSY (the busy timeout does not apply
        // to an upgrade), which two parallel sign-ups or audited admin writes run into. BEGIN IMMEDIATE
        // takes the write lock first, so such transactions wait their turn instead.
        return async (_mode?: TransactionMode) => {
          await prepare();
          const transaction = await target.transaction("write");
          fresh = true; // the transaction took the connection; the next call opens a new one
          return transaction;
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

export class SqliteAdapter extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return withConnectionPragmas(super.createClient(config));
  }
}


