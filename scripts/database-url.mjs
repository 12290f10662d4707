// The one default for DATABASE_URL outside the app (lib/env.ts holds the same rule for the app).
export const DEFAULT_DATABASE_URL = "file:./data/keyline.db";

export function databaseUrl() {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function engineOf(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL)");
}
