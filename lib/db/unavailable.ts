// Errors that mean "the database cannot answer right now" rather than "this request is wrong": the
// server is unreachable or went away, a timeout, a full connection pool, a locked SQLite file. Matched by
// Prisma's error codes (https://www.prisma.io/docs/orm/reference/error-reference) without importing the
// generated client, so lib/errors.ts stays importable everywhere.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024", "P2037"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "PrismaClientInitializationError") return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  return error.name.startsWith("PrismaClient") && /SQLITE_BUSY|database is locked/i.test(error.message);
}
