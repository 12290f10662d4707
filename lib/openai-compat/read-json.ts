import { OpenAIError } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () =>
  new OpenAIError(413, {
    type: "invalid_request_error",
    code: "request_too_large",
    message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
  });

// JSON only, at most 1 MB. The declared length is checked first; the stream is counted anyway,
// since a chunked body declares none.
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType.trim())) {
    throw new OpenAIError(415, {
      type: "invalid_request_error",
      code: "unsupported_media_type",
      message: "Send the request body as JSON with `Content-Type: application/json`.",
    });
  }
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

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
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) {
    throw new OpenAIError(400, { type: "invalid_request_error", code: "invalid_json", message: "The request body is empty; send a JSON object." });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OpenAIError(400, {
      type: "invalid_request_error",
      code: "invalid_json",
      message: "The request body is not valid JSON.",
    });
  }
}
