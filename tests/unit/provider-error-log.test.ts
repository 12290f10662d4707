import { APICallError, RetryError } from "ai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logReplyError } from "@/lib/chat/reply-errors";
import { upstreamError } from "@/lib/openai-compat/upstream-error";

// A provider's error text can quote the key it was given, or the prompt: the log keeps a classification only.
const FAKE_KEY = "sk-proj-FAKEKEY0123456789abcdefghijklmnop";
const PROMPT = "my secret diary entry";

function providerError() {
  return new APICallError({
    message: `Incorrect API key provided: ${FAKE_KEY}. Prompt was: ${PROMPT}`,
    url: `https://api.provider.example/v1/chat/completions?key=${FAKE_KEY}`,
    requestBodyValues: { messages: [{ role: "user", content: PROMPT }] },
    statusCode: 401,
    responseBody: JSON.stringify({ error: { message: `Incorrect API key provided: ${FAKE_KEY}`, type: "invalid_request_error" } }),
    isRetryable: false,
  });
}

function logged(run: () => void): string {
  const spy = vi.spyOn(console, "error").mockImplementation(() => {});
  run();
  const text = spy.mock.calls.map((call) => call.map(String).join(" ")).join("\n");
  spy.mockRestore();
  return text;
}

afterEach(() => vi.restoreAllMocks());

describe("provider errors in the server log", () => {
  it.each([
    ["the chat's reply error", () => logReplyError(providerError())],
    ["the chat's reply error after retries", () => logReplyError(new RetryError({ message: `failed: ${FAKE_KEY}`, reason: "maxRetriesExceeded", errors: [providerError(), providerError()] }))],
    ["the developer API's upstream error", () => upstreamError(providerError())],
    ["a plain error", () => logReplyError(new Error(`socket closed while sending ${FAKE_KEY} ${PROMPT}`))],
  ])("%s logs status, provider and type, never the key or the prompt", (_name, run) => {
    const line = logged(run);
    expect(line).not.toContain(FAKE_KEY);
    expect(line).not.toContain("FAKEKEY");
    expect(line).not.toContain(PROMPT);
    expect(line).not.toContain("Incorrect API key");
    expect(line).toMatch(/type=\w+/);
  });

  it("keeps what an operator needs to tell failures apart", () => {
    const line = logged(() => upstreamError(providerError()));
    expect(line).toContain("status=401");
    expect(line).toContain("provider=api.provider.example");
    expect(line).toContain("type=AI_APICallError");
  });
});
