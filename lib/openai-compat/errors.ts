import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/runtime/database-unavailable";
import { AppError, toAppError, type ErrorCode } from "@/lib/errors";

// The developer API speaks OpenAI's error shape, which the official SDKs turn into typed errors by
// status (401 AuthenticationError, 403 PermissionDeniedError, 404 NotFoundError, 429 RateLimitError…).
export type OpenAIErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "insufficient_quota"
  | "server_error";

export type OpenAIErrorBody = { message: string; type: OpenAIErrorType; code: string | null; param: string | null };

export class OpenAIError extends Error {
  readonly type: OpenAIErrorType;
  readonly code: string | null;
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    body: { message: string; type: OpenAIErrorType; code?: string | null; param?: string | null },
    headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.type = body.type;
    this.code = body.code ?? null;
    this.param = body.param ?? null;
    this.headers = headers;
  }

  body(): OpenAIErrorBody {
    return { message: this.message, type: this.type, code: this.code, param: this.param };
  }

  toResponse(extraHeaders: Record<string, string> = {}): Response {
    return Response.json(
      { error: this.body() },
      { status: this.status, headers: { "cache-control": "no-store", ...extraHeaders, ...this.headers } },
    );
  }
}

// `messages.0.content` → `messages[0].content`, the way JavaScript and Python users write it.
export function paramPath(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}

export function invalidBody(error: ZodError): OpenAIError {
  const issue = error.issues[0];
  const param = issue ? paramPath(issue.path) : null;
  const message = issue ? (param ? `Invalid value for '${param}': ${issue.message}` : issue.message) : "Invalid request body.";
  return new OpenAIError(400, { type: "invalid_request_error", code: "invalid_value", param, message });
}

const TYPE_BY_STATUS: Record<number, OpenAIErrorType> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "invalid_request_error",
  415: "invalid_request_error",
  429: "rate_limit_error",
};

// The shared body reader's refusals (lib/http/json-body.ts), under the codes OpenAI's API uses for them.
const OPENAI_CODES: Partial<Record<ErrorCode, string>> = {
  "unsupported_media_type:body": "unsupported_media_type",
  "payload_too_large:body": "request_too_large",
  "rate_limited:token_budget": "insufficient_quota",
};

// Anything thrown inside a /v1 handler becomes an OpenAI-shaped answer; internals are logged, never sent.
// A database outage is a 503 with Retry-After, which the official SDKs retry on their own.
export function toOpenAIError(error: unknown): OpenAIError {
  if (error instanceof OpenAIError) return error;
  if (error instanceof ZodError) return invalidBody(error);
  if (isDatabaseUnavailable(error)) error = toAppError(error);
  if (error instanceof AppError && error.kind !== "internal") {
    // A spent token budget is OpenAI's quota error, which clients know not to retry at once.
    const type = error.code === "rate_limited:token_budget" ? "insufficient_quota" : (TYPE_BY_STATUS[error.status] ?? "server_error");
    const code = OPENAI_CODES[error.code] ?? error.code.split(":")[1] ?? null;
    return new OpenAIError(error.status, { type, code, message: error.message }, error.headers);
  }
  console.error("[v1]", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  return new OpenAIError(500, { type: "server_error", code: "internal_error", message: "Something went wrong on our side. Please try again." });
}
