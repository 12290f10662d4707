import "server-only";
import type { z } from "zod";
import { readJsonBody as readCappedJson } from "@/lib/http/read-json-body";

// WebAuthn bodies are a few kilobytes; anything far larger is refused before it is parsed.
const MAX_BODY_BYTES = 64 * 1024;

export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  return schema.parse(await readCappedJson(request, MAX_BODY_BYTES));
}
