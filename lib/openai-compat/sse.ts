import { usageOf as tokensOf, type ModelStreamPart, type TokenUsage } from "@/lib/ai/model-stream";
import { chatCompletionChunk, finishReasonOf, usageOf } from "./shapes";
import { upstreamError } from "./upstream-error";

type Part = ModelStreamPart;
type Meta = { id: string; created: number; model: string };

const encoder = new TextEncoder();
const event = (payload: unknown) => encoder.encode(`data: ${JSON.stringify(payload)}\n\n`);
const DONE = encoder.encode("data: [DONE]\n\n");

// OpenAI's SSE framing for a provider's stream (lib/ai/model-stream.ts): a role chunk, content chunks as they come, a chunk with
// finish_reason, the usage chunk when asked for, then `data: [DONE]`. The first part is awaited
// before answering, so a provider that fails at once gets a real HTTP error instead of a broken 200.
export async function openAIEventStream(input: {
  reader: ReadableStreamDefaultReader<Part>;
  meta: Meta;
  includeUsage: boolean;
  onUsage: (tokens: TokenUsage) => void;
  // Each piece of text as it is sent (so a reply cut off before its usage report can still be estimated).
  onText?: (text: string) => void;
}): Promise<{ body: ReadableStream<Uint8Array>; done: Promise<void> }> {
  const { meta, includeUsage, onUsage, onText, reader } = input;
  const pending: Part[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === "error") {
      await reader.cancel().catch(() => undefined);
      throw upstreamError(value.error);
    }
    pending.push(value);
    if (value.type === "text-delta" || value.type === "finish") break;
  }

  let settle!: () => void;
  const done = new Promise<void>((resolve) => (settle = resolve));
  let cancelled = false;
  const usageField = includeUsage ? null : undefined;
  const chunk = (delta: { role?: "assistant"; content?: string }, finishReason: ReturnType<typeof finishReasonOf> | null = null) =>
    event(chatCompletionChunk(meta, { delta, finishReason }, usageField));

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(chunk({ role: "assistant", content: "" }));
    },
    async pull(controller) {
      try {
        await emitNext(controller);
      } catch (error) {
        // A client that went away is no provider failure: nothing to send, nothing to log.
        if (!cancelled) {
          controller.enqueue(event({ error: upstreamError(error).body() }));
          controller.close();
        }
        settle();
      }
    },
    async cancel(reason) {
      cancelled = true;
      await reader.cancel(reason).catch(() => undefined);
      settle();
    },
  });

  async function emitNext(controller: ReadableStreamDefaultController<Uint8Array>) {
    for (;;) {
      const next = pending.shift() ?? (await reader.read()).value;
      if (!next) {
        controller.enqueue(DONE);
        controller.close();
        return settle();
      }
      if (next.type === "text-delta" && next.delta) {
        onText?.(next.delta);
        return controller.enqueue(chunk({ content: next.delta }));
      }
      if (next.type === "finish") {
        const tokens = tokensOf(next.usage);
        onUsage(tokens);
        controller.enqueue(chunk({}, finishReasonOf(next.finishReason.unified)));
        if (includeUsage) controller.enqueue(event(chatCompletionChunk(meta, null, usageOf(tokens))));
        controller.enqueue(DONE);
        controller.close();
        await reader.cancel().catch(() => undefined);
        return settle();
      }
      if (next.type === "error") {
        // Mid-stream the status is already sent; OpenAI's SDKs raise an APIError for an `error` event.
        controller.enqueue(event({ error: upstreamError(next.error).body() }));
        controller.close();
        await reader.cancel().catch(() => undefined);
        return settle();
      }
    }
  }
  return { body, done };
}
