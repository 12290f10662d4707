import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

// WebAuthn bodies are a few kilobytes; anything far larger is refused before it is parsed.
const MAX_BODY_BYTES = 64 * 1024;

export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new AppError("unsupported_media_type:json", "Send the request body as JSON.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large:body", "The request body is too large.");
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("payload_too_large:body", "The request body is too large.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:json", "The request body is not valid JSON.");
  }
  return schema.parse(json);
}
