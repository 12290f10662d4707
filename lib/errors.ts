import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/runtime/database-unavailable";

// One error type for the app. Codes are "<kind>:<subject>", e.g. "not_found:thread".
// Internal errors are logged and clients get a generic message; no stack trace ever leaves the server.
type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type ErrorCode = `${ErrorKind}:${string}`;

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { headers?: Record<string, string>; fieldErrors?: Record<string, string[]> } = {},
  ) {
    super(message);
    this.kind = code.split(":")[0] as ErrorKind;
    this.status = STATUS[this.kind];
    this.headers = options.headers ?? {};
    this.fieldErrors = options.fieldErrors;
  }

  readonly fieldErrors?: Record<string, string[]>;

  toResponse(): Response {
    const body = { error: { code: this.code, message: this.message, ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}) } };
    return Response.json(body, { status: this.status, headers: { "cache-control": "no-store", ...this.headers } });
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || "body";
    const fieldErrors = Object.fromEntries(error.issues.map((i) => [i.path.join(".") || "body", [i.message]]));
    return new AppError("bad_request:invalid", `Invalid ${field}: ${issue?.message ?? "not valid"}`, { fieldErrors });
  }
  if (isDatabaseUnavailable(error)) {
    console.error("[database] unavailable:", (error as { code?: string }).code ?? (error as Error).name);
    return new AppError("unavailable:database", "Keyline cannot reach its database right now. Please try again in a few seconds.", {
      headers: { "retry-after": "5" },
    });
  }
  console.error("[internal]", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  return new AppError("internal:server", "Something went wrong on our side. Please try again.");
}

export function errorResponse(error: unknown): Response {
  return toAppError(error).toResponse();
}
