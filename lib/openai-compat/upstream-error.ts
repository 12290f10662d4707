import { APICallError } from "ai";
import { OpenAIError } from "./errors";

// A provider failure becomes a 502 without the provider's own words, which can name its account or key.
export function upstreamError(error: unknown): OpenAIError {
  if (error instanceof OpenAIError) return error;
  const status = APICallError.isInstance(error) ? error.statusCode : undefined;
  console.error("[v1] model provider error:", status ?? "", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  return new OpenAIError(502, {
    type: "server_error",
    code: "upstream_error",
    message: "The model provider returned an error. Please try again.",
  });
}
