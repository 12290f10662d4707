import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { APICallError, createUIMessageStream, createUIMessageStreamResponse, streamText, type UIMessage } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { replyResponse, startModelCall, type ReplyMetadata } from "@/lib/chat/reply-stream";
import { replyErrorMessage } from "@/lib/chat/reply-errors";

// lib/chat/reply-stream.ts writes the UI message stream itself instead of going through streamText's
// layers. What useChat receives must not change: for the same model output, its events equal those of
// the AI SDK's own pipeline (streamText → toUIMessageStream → createUIMessageStreamResponse), the way
// the chat route used it before.

type Script = { parts: LanguageModelV3StreamPart[]; failAfter?: number; refuse?: unknown };

const usage = {
  inputTokens: { total: 7, noCache: 7, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 3, text: 3, reasoning: undefined },
};

function scriptedModel({ parts, failAfter, refuse }: Script) {
  return new MockLanguageModelV3({
    doStream: async () => {
      if (refuse) throw refuse;
      let i = 0;
      return {
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          async pull(controller) {
            await new Promise((resolve) => setTimeout(resolve, 1));
            if (failAfter !== undefined && i >= failAfter) return controller.error(new Error("socket hang up"));
            if (i < parts.length) return controller.enqueue(parts[i++]!);
            controller.close();
          },
        }),
      };
    },
  });
}

function sdkReference(script: Script): Response {
  const result = streamText({ model: scriptedModel(script), messages: [{ role: "user", content: "hi" }], maxRetries: 0, onError: () => undefined });
  const onError = (error: unknown) => replyErrorMessage(error);
  return createUIMessageStreamResponse({
    stream: createUIMessageStream<UIMessage<ReplyMetadata>>({
      execute: ({ writer }) =>
        writer.merge(
          result.toUIMessageStream<UIMessage<ReplyMetadata>>({
            generateMessageId: () => "reply-1",
            onError,
            messageMetadata: ({ part }): ReplyMetadata | undefined =>
              part.type === "start" ? { status: "streaming" } : part.type === "finish" ? { status: "complete" } : undefined,
          }),
        ),
      onError,
    }),
  });
}

function keyline(script: Script): Response {
  const sink = { progress: async () => undefined, finish: async () => undefined };
  return replyResponse({ call: startModelCall({ model: scriptedModel(script), messages: [{ role: "user", content: "hi" }] }), assistantId: "reply-1", signal: new AbortController().signal, sink });
}

async function wire(response: Response) {
  const body = await response.text();
  const frames = body.split("\n\n").filter(Boolean);
  expect(frames.every((frame) => frame.startsWith("data: "))).toBe(true);
  return { frames: frames.map((frame) => (frame === "data: [DONE]" ? "[DONE]" : JSON.parse(frame.slice(6)))), headers: Object.fromEntries(response.headers) };
}

const text = (id: string, ...deltas: string[]): LanguageModelV3StreamPart[] => [
  { type: "text-start", id },
  ...deltas.map((delta): LanguageModelV3StreamPart => ({ type: "text-delta", id, delta })),
  { type: "text-end", id },
];
const finish: LanguageModelV3StreamPart = { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage };
const start: LanguageModelV3StreamPart[] = [{ type: "stream-start", warnings: [] }, { type: "response-metadata", id: "r", modelId: "m" }];

describe("the chat's UI message stream matches the AI SDK's", () => {
  const cases: [string, Script][] = [
    ["a text reply", { parts: [...start, ...text("t", "Hello", ", ", "world"), finish] }],
    ["a reply that stopped at the length limit", { parts: [...start, ...text("t", "cut"), { ...finish, finishReason: { unified: "length", raw: "length" } }] }],
    ["reasoning, then text", { parts: [...start, { type: "reasoning-start", id: "r" }, { type: "reasoning-delta", id: "r", delta: "hmm" }, { type: "reasoning-end", id: "r" }, ...text("t", "yes"), finish] }],
    ["a provider that fails mid-stream", { parts: [...start, ...text("t", "a", "b", "c"), finish], failAfter: 4 }],
    ["a provider that refuses the request", { parts: [], refuse: new APICallError({ message: "no", url: "http://x", requestBodyValues: {}, statusCode: 401, isRetryable: false }) }],
  ];
  for (const [name, script] of cases) {
    it(name, async () => {
      const [ours, theirs] = await Promise.all([wire(keyline(script)), wire(sdkReference(script))]);
      expect(ours.frames).toEqual(theirs.frames);
      expect(ours.headers).toEqual(theirs.headers);
    });
  }
});
