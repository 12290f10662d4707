import "server-only";
import { AppError } from "@/lib/errors";
import { BodyTooLargeError, isJsonContentType, readCappedText } from "./read-capped-body";

// JSON bodies of the app's own API, at most maxBytes, failing with AppErrors (415, 413, 400).
export async function readJsonBody(request: Request, maxBytes: number, tooLargeHint = ""): Promise<unknown> {
  if (!isJsonContentType(request.headers)) {
    throw new AppError("unsupported_media_type:body", "Send the body as JSON (Content-Type: application/json).");
  }
  let text: string;
  try {
    text = await readCappedText(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new AppError("payload_too_large:body", `The request is too large. ${tooLargeHint}`.trim());
    }
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request:json", "The request body is not valid JSON.");
  }
}
