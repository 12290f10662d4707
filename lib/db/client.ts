import "server-only";
import { env } from "@/lib/env";
import { createDb, directOf, type Db } from "./create-client";

// One client per process; Next's dev server reloads modules, so keep it on globalThis there.
const globalForDb = globalThis as unknown as { keylineDb?: Db };

export const db: Db = globalForDb.keylineDb ?? createDb(env.DATABASE_URL);
if (!env.isProduction) globalForDb.keylineDb = db;

// Hot-path statements straight to the driver adapter (lib/db/direct.ts).
export const direct = directOf(db);
