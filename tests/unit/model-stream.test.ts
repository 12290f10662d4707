import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { APICallError } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { openModelStream } from "@/lib/ai/model-stream";

// A provider that refuses the first `refusals` calls with `status`, then streams one word.
function flakyModel(refusals: number, status: number, headers: Record<string, string> = { "retry-after-ms": "5" }) {
  const calls: unknown[] = [];
  const model = new MockLanguageModelV3({
    doStream: async (options) => {
      calls.push(options.prompt);
      if (calls.length <= refusals) {
        throw new APICallError({ message: "busy", url: "http://x", requestBodyValues: {}, statusCode: status, responseHeaders: headers, isRetryable: status === 429 || status >= 500 });
      }
      return { stream: new ReadableStream<LanguageModelV3StreamPart>({ start: (c) => (c.enqueue({ type: "text-delta", id: "t", delta: "ok" }), c.close()) }) };
    },
  });
  return { model, calls };
}

const open = (model: MockLanguageModelV3, retries: number, signal = new AbortController().signal) =>
  openModelStream({ model, messages: [{ role: "system", content: "be brief" }, { role: "user", content: "hi" }, { role: "assistant", content: "yo" }], abortSignal: signal, retries });

describe("openModelStream", () => {
  it("sends the turns as the provider's prompt", async () => {
    const { model, calls } = flakyModel(0, 200);
    const reader = await open(model, 0);
    expect((await reader.read()).value).toEqual({ type: "text-delta", id: "t", delta: "ok" });
    expect(calls[0]).toEqual([
      { role: "system", content: "be brief" },
      { role: "user", content: [{ type: "text", text: "hi" }] },
      { role: "assistant", content: [{ type: "text", text: "yo" }] },
    ]);
  });

  it("tries a retryable refusal again, as many times as allowed, then gives the provider's error", async () => {
    const once = flakyModel(1, 503);
    await open(once.model, 1);
    expect(once.calls).toHaveLength(2);

    const twice = flakyModel(2, 429);
    await expect(open(twice.model, 1)).rejects.toMatchObject({ statusCode: 429 });
    expect(twice.calls).toHaveLength(2);
  });

  it("does not retry a refusal that will not change (401) or when retries are off (the /v1 caller retries itself)", async () => {
    const denied = flakyModel(1, 401);
    await expect(open(denied.model, 1)).rejects.toMatchObject({ statusCode: 401 });
    expect(denied.calls).toHaveLength(1);
    const busy = flakyModel(1, 503);
    await expect(open(busy.model, 0)).rejects.toMatchObject({ statusCode: 503 });
    expect(busy.calls).toHaveLength(1);
  });

  it("stops waiting to retry when the request is cancelled", async () => {
    const { model, calls } = flakyModel(1, 503, { "retry-after": "30" });
    const cancel = new AbortController();
    const opening = open(model, 1, cancel.signal);
    setTimeout(() => cancel.abort(new Error("client went away")), 20);
    await expect(opening).rejects.toThrow("client went away");
    expect(calls).toHaveLength(1);
  });
});
