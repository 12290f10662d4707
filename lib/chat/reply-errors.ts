import { APICallError, RetryError } from "ai";
import { classifyProviderError } from "@/lib/ai/provider-error";

// What a person reads in the thread when the provider fails. Provider messages go nowhere, neither to the
// person nor to the log: they can name keys, accounts or internal hosts.
export function replyErrorMessage(error: unknown): string {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(cause) && cause.statusCode && cause.statusCode >= 400) {
    const status = cause.statusCode;
    if (status === 401 || status === 403) return "The model provider refused Keyline's credentials. Ask whoever runs Keyline to check the API key.";
    if (status === 429) return "The model provider is limiting requests right now. Wait a moment, then regenerate the reply.";
    return `The model provider answered with an error (HTTP ${status}). Regenerate the reply to try again.`;
  }
  return "The model stopped responding before finishing its reply. Regenerate the reply to try again.";
}

// The log gets a classification only (lib/ai/provider-error.ts): the provider's words can carry a key or a prompt.
export function logReplyError(error: unknown): void {
  console.error(`[chat] model error: ${classifyProviderError(error)}`);
}
