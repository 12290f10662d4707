import { APICallError, RetryError } from "ai";

// A provider failure as the server log may hold it: a classification, never free text. The provider's
// message and body can quote the API key ("Incorrect API key provided: sk-…"), an account or the prompt,
// and the request URL can carry a key in its query (some providers take ?key=), so only the error's
// class, the HTTP status, whether it is retryable and the provider's host name are kept.
const SAFE_NAME = /^[A-Za-z][\w.]{0,63}$/;

export function classifyProviderError(error: unknown): string {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  const name = cause instanceof Error && SAFE_NAME.test(cause.name) ? cause.name : typeof cause;
  const parts = [`type=${name}`];
  if (APICallError.isInstance(cause)) {
    parts.push(`status=${cause.statusCode ?? "none"}`, `retryable=${cause.isRetryable}`, `provider=${providerHost(cause.url)}`);
  }
  if (RetryError.isInstance(error)) parts.push(`attempts=${error.errors.length}`);
  return parts.join(" ");
}

function providerHost(url: string): string {
  try {
    return new URL(url).hostname || "unknown";
  } catch {
    return "unknown";
  }
}
