import { createDb, type Db } from "../../../lib/db/create-client";

// Direct database access for tests that play the attacker (read what is stored, expire a token).
let db: Db | undefined;

export function testDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set for the e2e run");
  db ??= createDb(url);
  return db;
}
