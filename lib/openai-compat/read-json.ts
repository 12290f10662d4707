import { BodyTooLargeError, isJsonContentType, readCappedText } from "@/lib/http/read-capped-body";
import { OpenAIError } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

const invalid = (code: string, message: string) => new OpenAIError(400, { type: "invalid_request_error", code, message });

// JSON only, at most 1 MB, failing in OpenAI's error shape (415, 413, 400).
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers)) {
    throw new OpenAIError(415, {
      type: "invalid_request_error",
      code: "unsupported_media_type",
      message: "Send the request body as JSON with `Content-Type: application/json`.",
    });
  }
  let text: string;
  try {
    text = await readCappedText(request, maxBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    throw new OpenAIError(413, {
      type: "invalid_request_error",
      code: "request_too_large",
      message: `The request body is larger than ${maxBytes / 1024 / 1024} MB.`,
    });
  }
  if (!text.trim()) throw invalid("invalid_json", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid("invalid_json", "The request body is not valid JSON.");
  }
}
