import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { BodyTooLargeError, isJsonContentType, readCappedText } from "./read-capped-body";

type JsonBodyOptions = { maxBytes: number; tooLargeHint?: string };

// The one way a handler reads a JSON body: JSON content type only, at most maxBytes (a missing or lying
// Content-Length cannot make the server buffer more), parsed, and checked by the schema when one is given.
// Failures are AppErrors (415, 413, 400); the developer API turns the same errors into OpenAI's shape
// (lib/openai-compat/errors.ts), so every surface refuses a body for the same reasons.
export async function readJsonBody(request: Request, options: JsonBodyOptions): Promise<unknown>;
export async function readJsonBody<T extends z.ZodType>(request: Request, options: JsonBodyOptions & { schema: T }): Promise<z.output<T>>;
export async function readJsonBody(request: Request, options: JsonBodyOptions & { schema?: z.ZodType }): Promise<unknown> {
  if (!isJsonContentType(request.headers)) {
    throw new AppError("unsupported_media_type:body", "Send the body as JSON (Content-Type: application/json).");
  }
  let text: string;
  try {
    text = await readCappedText(request, options.maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new AppError("payload_too_large:body", `The request body is larger than ${formatBytes(options.maxBytes)}. ${options.tooLargeHint ?? ""}`.trim());
    }
    throw error;
  }
  if (!text.trim()) throw new AppError("bad_request:invalid_json", "The request body is empty; send a JSON object.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:invalid_json", "The request body is not valid JSON.");
  }
  return options.schema ? options.schema.parse(json) : json;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} kB`;
}
