import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/runtime/database-unavailable";
import { toAppError } from "@/lib/errors";
import { toOpenAIError } from "@/lib/openai-compat/errors";

function prismaError(name: string, message: string, code?: string): Error {
  return Object.assign(new Error(message), { name, ...(code ? { code } : {}) });
}

const unreachable = prismaError("PrismaClientKnownRequestError", "Can't reach database server at 10.0.0.5:5432", "P1001");

describe("database outages", () => {
  it("recognises an unreachable server, a pool timeout and a locked SQLite file, not a constraint violation", () => {
    expect(isDatabaseUnavailable(unreachable)).toBe(true);
    expect(isDatabaseUnavailable(prismaError("PrismaClientKnownRequestError", "Timed out fetching a new connection", "P2024"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("PrismaClientInitializationError", "no database"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("PrismaClientUnknownRequestError", "SQLITE_BUSY: database is locked"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("PrismaClientKnownRequestError", "Unique constraint failed", "P2002"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("database is locked"))).toBe(false);
  });

  it("recognises the same outages when a raw SQL query meets them (P2010 with the driver adapter's cause)", () => {
    const raw = (cause: Record<string, unknown>) =>
      Object.assign(prismaError("PrismaClientKnownRequestError", "Raw query failed.", "P2010"), { meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
    expect(isDatabaseUnavailable(raw({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe(true);
    expect(isDatabaseUnavailable(raw({ kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(raw({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }))).toBe(true);
    expect(isDatabaseUnavailable(raw({ kind: "postgres", code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(raw({ kind: "postgres", code: "42P01", message: "relation does not exist" }))).toBe(false);
    expect(isDatabaseUnavailable(raw({ kind: "UniqueConstraintViolation" }))).toBe(false);
  });

  it("answers 503 with a retry hint and without the server's address on the app API and the developer API", () => {
    const app = toAppError(unreachable);
    expect(app.status).toBe(503);
    expect(app.headers["retry-after"]).toBe("5");
    expect(app.message).not.toContain("10.0.0.5");
    const v1 = toOpenAIError(unreachable);
    expect(v1.status).toBe(503);
    expect(v1.headers["retry-after"]).toBe("5");
    expect(JSON.stringify(v1.body())).not.toContain("10.0.0.5");
  });
});
