import "server-only";
import { env } from "@/lib/env";
import { createDb, type Db } from "./create-client";

// One client per process; Next's dev server reloads modules, so keep it on globalThis there.
const globalForDb = globalThis as unknown as { keylineDb?: Db };

export const db: Db = globalForDb.keylineDb ?? createDb(env.DATABASE_URL);
if (!env.isProduction) globalForDb.keylineDb = db;
