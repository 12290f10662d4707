import { APICallError } from "ai";
import { MockLanguageModelV3, simulateReadableStream } from "ai/test";
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openModelStream } from "@/lib/ai/model-stream";
import { AppError } from "@/lib/errors";
import { OpenAIError, paramPath, toOpenAIError } from "@/lib/openai-compat/errors";
import { toModelMessages } from "@/lib/openai-compat/messages";
import { openAIEventStream } from "@/lib/openai-compat/sse";

const usage = {
  inputTokens: { total: 7, noCache: 7, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 2, text: 2, reasoning: undefined },
};

function modelStreaming(chunks: LanguageModelV3StreamPart[]) {
  return new MockLanguageModelV3({ doStream: async () => ({ stream: simulateReadableStream({ chunks }) }) });
}

async function sse(chunks: LanguageModelV3StreamPart[], includeUsage: boolean) {
  const reader = await openModelStream({ model: modelStreaming(chunks), messages: [{ role: "user", content: "hi" }], abortSignal: new AbortController().signal, retries: 0 });
  let tokens = {};
  const { body, done } = await openAIEventStream({
    reader,
    meta: { id: "chatcmpl-1", created: 1, model: "demo" },
    includeUsage,
    onUsage: (t) => (tokens = t),
  });
  const text = await new Response(body).text();
  await done;
  return { events: text.split("\n\n").filter(Boolean).map((e) => e.replace(/^data: /, "")), tokens };
}

const ok: LanguageModelV3StreamPart[] = [
  { type: "text-start", id: "1" },
  { type: "text-delta", id: "1", delta: "Hel" },
  { type: "text-delta", id: "1", delta: "lo" },
  { type: "text-end", id: "1" },
  { type: "finish", finishReason: { unified: "length", raw: "length" }, usage },
];

describe("OpenAI SSE framing", () => {
  it("sends a role chunk, the deltas, finish_reason, usage when asked, then [DONE]", async () => {
    const { events, tokens } = await sse(ok, true);
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
    expect(chunks.map((c) => c.choices[0]?.delta ?? null)).toEqual([{ role: "assistant", content: "" }, { content: "Hel" }, { content: "lo" }, {}, null]);
    expect(chunks[3].choices[0].finish_reason).toBe("length");
    expect(chunks.slice(0, 4).every((c) => c.usage === null && c.object === "chat.completion.chunk" && c.id === "chatcmpl-1")).toBe(true);
    expect(chunks[4]).toMatchObject({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 } });
    expect(tokens).toEqual({ inputTokens: 7, outputTokens: 2 });
  });

  it("leaves usage out unless include_usage is set", async () => {
    const { events } = await sse(ok, false);
    expect(events.join("\n")).not.toContain("usage");
    expect(events.at(-1)).toBe("[DONE]");
  });

  it("turns a failure before the first token into an HTTP error, and a later one into an error event", async () => {
    const failing = new APICallError({ message: "secret upstream detail", url: "http://x", requestBodyValues: {}, statusCode: 500 });
    await expect(sse([{ type: "error", error: failing }], false)).rejects.toMatchObject({ status: 502, code: "upstream_error" });

    const { events } = await sse([{ type: "text-start", id: "1" }, { type: "text-delta", id: "1", delta: "a" }, { type: "error", error: failing }], false);
    const last = JSON.parse(events.at(-1)!);
    expect(last.error).toMatchObject({ type: "server_error", code: "upstream_error" });
    expect(events.join("")).not.toContain("secret upstream detail");
  });
});

describe("OpenAI errors", () => {
  it("writes params the way SDK users do", () => {
    expect(paramPath(["messages", 0, "content", 1, "type"])).toBe("messages[0].content[1].type");
    expect(paramPath([])).toBeNull();
  });

  it("maps app errors and hides internal ones", () => {
    const limited = toOpenAIError(new AppError("unavailable:rate_limit", "busy", { headers: { "retry-after": "5" } }));
    expect(limited).toMatchObject({ status: 503, type: "server_error", code: "rate_limit", headers: { "retry-after": "5" } });
    const zod = toOpenAIError(z.object({ temperature: z.number().max(2) }).safeParse({ temperature: 3 }).error);
    expect(zod).toMatchObject({ status: 400, param: "temperature", type: "invalid_request_error" });
    const internal = toOpenAIError(new Error("ECONNREFUSED 10.0.0.3:5432 password=hunter2"));
    expect(internal).toBeInstanceOf(OpenAIError);
    expect(internal.message).not.toContain("hunter2");
    expect(internal.status).toBe(500);
  });
});

describe("message conversion", () => {
  it("maps developer to system and joins text parts", () => {
    expect(
      toModelMessages([
        { role: "developer", content: "be brief" },
        { role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] },
        { role: "assistant", content: null, refusal: "no" },
      ]),
    ).toEqual([
      { role: "system", content: "be brief" },
      { role: "user", content: "ab" },
      { role: "assistant", content: "no" },
    ]);
  });
});
