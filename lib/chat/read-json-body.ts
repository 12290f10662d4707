import "server-only";
import { AppError } from "@/lib/errors";

// JSON bodies read with a byte cap: a missing or lying Content-Length cannot make the server buffer more.
export async function readJsonBody(request: Request, maxBytes: number, tooLargeHint = ""): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new AppError("unsupported_media_type:body", "Send the body as JSON (Content-Type: application/json).");
  }
  const tooLarge = () => new AppError("payload_too_large:body", `The request is too large. ${tooLargeHint}`.trim());
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(new TextDecoder().decode(Buffer.concat(chunks)));
  } catch {
    throw new AppError("bad_request:json", "The request body is not valid JSON.");
  }
}
