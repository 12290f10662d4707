// Errors that mean "the database cannot answer right now" rather than "this request is wrong": the
// server is unreachable or went away, a timeout, a full connection pool, a locked SQLite file. Matched by
// Prisma's error codes (https://www.prisma.io/docs/orm/reference/error-reference) without importing the
// generated client, so lib/errors.ts stays importable everywhere.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024", "P2037"]);

// Raw SQL ($queryRaw) failures all arrive as P2010; what happened is in the driver adapter's cause.
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// PostgreSQL's own codes for the same: connection exceptions (class 08), shutting down or starting up
// (57P01-57P03), too many connections (53300).
const UNAVAILABLE_POSTGRES_CODES = /^(08...|57P0[123]|53300)$/;

type AdapterCause = { kind?: unknown; code?: unknown };

function adapterCauseOf(error: Error): AdapterCause | undefined {
  return (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta?.driverAdapterError?.cause;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "PrismaClientInitializationError") return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  const cause = adapterCauseOf(error);
  if (typeof cause?.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) return true;
  if (cause?.kind === "postgres" && typeof cause.code === "string" && UNAVAILABLE_POSTGRES_CODES.test(cause.code)) return true;
  return error.name.startsWith("PrismaClient") && /SQLITE_BUSY|database is locked/i.test(error.message);
}
