import { classifyProviderError } from "@/lib/ai/provider-error";
import { OpenAIError } from "./errors";

// A provider failure becomes a 502 without the provider's own words, which can name its account or key,
// in the answer and in the log alike.
export function upstreamError(error: unknown): OpenAIError {
  if (error instanceof OpenAIError) return error;
  // A classification only (lib/ai/provider-error.ts): the provider's message can quote its key or the prompt.
  console.error(`[v1] model provider error: ${classifyProviderError(error)}`);
  return new OpenAIError(502, {
    type: "server_error",
    code: "upstream_error",
    message: "The model provider returned an error. Please try again.",
  });
}
