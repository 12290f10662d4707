import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { APICallError } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { replyResponse, startModelCall, type ReplyOutcome } from "@/lib/chat/reply-stream";
import { HEARTBEAT_MS } from "@/lib/chat/stream-liveness";

// A model that streams `count` words, one every `delayMs`, optionally failing after `failAfter` words.
function wordModel({ count, delayMs = 5, failAfter, failWith }: { count: number; delayMs?: number; failAfter?: number; failWith?: unknown }) {
  const seen: { aborted: boolean } = { aborted: false };
  const model = new MockLanguageModelV3({
    doStream: async ({ abortSignal }) => {
      abortSignal?.addEventListener("abort", () => (seen.aborted = true));
      let i = 0;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          controller.enqueue({ type: "stream-start", warnings: [] });
          controller.enqueue({ type: "text-start", id: "t" });
        },
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (abortSignal?.aborted) return controller.error(abortSignal.reason);
          if (failAfter !== undefined && i >= failAfter) return controller.error(failWith ?? new Error("socket hang up"));
          if (i < count) return controller.enqueue({ type: "text-delta", id: "t", delta: `w${++i} ` });
          controller.enqueue({ type: "text-end", id: "t" });
          controller.enqueue({
            type: "finish",
            finishReason: { unified: "stop", raw: "stop" },
            usage: {
              inputTokens: { total: 3, noCache: 3, cacheRead: undefined, cacheWrite: undefined },
              outputTokens: { total: count, text: count, reasoning: undefined },
            },
          });
          controller.close();
        },
      });
      return { stream };
    },
  });
  return { model, seen };
}

function recordingSink() {
  const progress: string[] = [];
  let resolveOutcome: (outcome: ReplyOutcome) => void = () => {};
  const outcome = new Promise<ReplyOutcome>((resolve) => (resolveOutcome = resolve));
  return { progress, outcome, sink: { progress: async (text: string) => void progress.push(text), finish: async (o: ReplyOutcome) => resolveOutcome(o) } };
}

async function readAll(response: Response): Promise<string> {
  return new TextDecoder().decode(await response.arrayBuffer());
}

const events = (body: string) =>
  body
    .split("\n")
    .filter((line) => line.startsWith("data: {"))
    .map((line) => JSON.parse(line.slice(6)) as { type: string; [key: string]: unknown });

const SHUTDOWN_KEY = Symbol.for("keyline.shutdownSignal");

describe("replyResponse", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[SHUTDOWN_KEY];
  });

  it("ends a reply still streaming when the server's shutdown grace is over, stored as interrupted with its text", async () => {
    const shutdown = new AbortController();
    (globalThis as Record<symbol, unknown>)[SHUTDOWN_KEY] = shutdown.signal;
    const { model, seen } = wordModel({ count: 500, delayMs: 5 });
    const { sink, outcome } = recordingSink();
    const response = replyResponse({ call: startModelCall({ model, messages: [{ role: "user", content: "hi" }] }), assistantId: "a-s", signal: new AbortController().signal, sink });
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("w3 ")) text += new TextDecoder().decode((await reader.read()).value);
    shutdown.abort();
    while (!(await reader.read()).done);
    const result = await outcome;
    expect(seen.aborted).toBe(true);
    expect(result.status).toBe("interrupted");
    expect(result.text).toMatch(/^w1 w2 w3 /);
    expect(result.text).not.toContain("w500");
  });

  it("touches a silent reply every few seconds so other instances can tell it is alive", async () => {
    const model = new MockLanguageModelV3({
      doStream: async ({ abortSignal }) => ({
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(controller) {
            controller.enqueue({ type: "stream-start", warnings: [] });
            abortSignal?.addEventListener("abort", () => controller.error(abortSignal.reason));
          },
        }),
      }),
    });
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    try {
      const { sink, progress } = recordingSink();
      const request = new AbortController();
      const response = replyResponse({ call: startModelCall({ model, messages: [{ role: "user", content: "hi" }] }), assistantId: "a-h", signal: request.signal, sink });
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 3 + 10);
      expect(progress.length).toBeGreaterThanOrEqual(2);
      request.abort();
      await response.body?.cancel();
    } finally {
      vi.useRealTimers();
    }
  });

  it("streams the reply under the stored assistant id and records it complete with usage", async () => {
    const { model } = wordModel({ count: 4 });
    const { sink, outcome } = recordingSink();
    const response = replyResponse({ call: startModelCall({ model, messages: [{ role: "user", content: "hi" }] }), assistantId: "a-1", signal: new AbortController().signal, sink });
    const body = events(await readAll(response));
    expect(body[0]).toMatchObject({ type: "start", messageId: "a-1", messageMetadata: { status: "streaming" } });
    expect(body.filter((e) => e.type === "text-delta").map((e) => e.delta)).toEqual(["w1 ", "w2 ", "w3 ", "w4 "]);
    expect(body.at(-1)).toMatchObject({ type: "finish", messageMetadata: { status: "complete" } });
    expect(await outcome).toEqual({ status: "complete", text: "w1 w2 w3 w4 ", inputTokens: 3, outputTokens: 4 });
  });

  it("sends a readable error event and records the partial text when the provider fails mid-stream", async () => {
    const { model } = wordModel({ count: 10, failAfter: 2 });
    const { sink, outcome } = recordingSink();
    const response = replyResponse({ call: startModelCall({ model, messages: [{ role: "user", content: "hi" }] }), assistantId: "a-2", signal: new AbortController().signal, sink });
    const body = events(await readAll(response));
    const error = body.find((e) => e.type === "error");
    expect(error?.errorText).toMatch(/stopped responding/);
    expect(JSON.stringify(body)).not.toContain("socket hang up");
    expect(await outcome).toMatchObject({ status: "error", text: "w1 w2 ", error: expect.stringMatching(/stopped responding/) });
  });

  it("names the provider's HTTP status but never its message", async () => {
    const failWith = new APICallError({ message: "Incorrect API key sk-secret", url: "http://x", requestBodyValues: {}, statusCode: 401, isRetryable: false });
    const { model } = wordModel({ count: 3, failAfter: 0, failWith });
    const { sink, outcome } = recordingSink();
    const body = await readAll(replyResponse({ call: startModelCall({ model, messages: [{ role: "user", content: "hi" }] }), assistantId: "a-3", signal: new AbortController().signal, sink }));
    expect(body).not.toContain("sk-secret");
    expect((await outcome).error).toMatch(/refused Keyline's credentials/);
  });

  it("records a provider that refuses the request as an error naming its status, without logging the conversation", async () => {
    const refused = new APICallError({ message: "boom", url: "http://x", requestBodyValues: { messages: ["private words"] }, statusCode: 500, isRetryable: false });
    const model = new MockLanguageModelV3({
      doStream: async () => {
        throw refused;
      },
    });
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(...args);
    try {
      const { sink, outcome } = recordingSink();
      const body = events(await readAll(replyResponse({ call: startModelCall({ model, messages: [{ role: "user", content: "hi" }] }), assistantId: "a-6", signal: new AbortController().signal, sink })));
      expect(body.find((e) => e.type === "error")?.errorText).toMatch(/HTTP 500/);
      expect(await outcome).toMatchObject({ status: "error", text: "", error: expect.stringMatching(/HTTP 500/) });
    } finally {
      console.error = original;
    }
    expect(JSON.stringify(logged)).not.toContain("private words");
  });

  it("cancels the upstream request and keeps the partial reply as interrupted when the request is aborted", async () => {
    const { model, seen } = wordModel({ count: 50, delayMs: 10 });
    const { sink, outcome } = recordingSink();
    const request = new AbortController();
    const response = replyResponse({ call: startModelCall({ model, messages: [{ role: "user", content: "hi" }] }), assistantId: "a-4", signal: request.signal, sink });
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("w3 ")) text += new TextDecoder().decode((await reader.read()).value);
    request.abort();
    const result = await outcome;
    expect(seen.aborted).toBe(true);
    expect(result.status).toBe("interrupted");
    expect(result.text).toMatch(/^w1 w2 w3 /);
    expect(result.text).not.toContain("w50");
  });

  it("cancels the upstream request when the client stops reading the response", async () => {
    const { model, seen } = wordModel({ count: 50, delayMs: 10 });
    const { sink, outcome } = recordingSink();
    const response = replyResponse({ call: startModelCall({ model, messages: [{ role: "user", content: "hi" }] }), assistantId: "a-5", signal: new AbortController().signal, sink });
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("w2 ")) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect((await outcome).status).toBe("interrupted");
    expect(seen.aborted).toBe(true);
  });
});
