import { createUIMessageStream, createUIMessageStreamResponse, streamText, type LanguageModel, type ModelMessage, type UIMessage } from "ai";
import type { MessageStatus } from "@/lib/validations/chat";
import { shutdownSignal } from "@/lib/runtime/shutdown";
import { logReplyError, replyErrorMessage } from "./reply-errors";
import { HEARTBEAT_MS } from "./stream-liveness";

export type ReplyOutcome = {
  status: Exclude<MessageStatus, "streaming">;
  text: string;
  error?: string;
  inputTokens?: number;
  outputTokens?: number;
};

// Where the reply is kept: progress while it streams (so a crash keeps the partial text), the outcome at the end.
export type ReplySink = {
  progress(text: string): Promise<void>;
  finish(outcome: ReplyOutcome): Promise<void>;
};

export type ReplyMetadata = { status?: MessageStatus };
type ReplyMessage = UIMessage<ReplyMetadata>;

const PROGRESS_EVERY_MS = 1_000;
const MAX_REPLY_MS = 10 * 60_000;

// Streams one assistant reply as the AI SDK UI message stream and records how it ended. The upstream
// model request is cancelled when the client goes away (request aborted or response stream cancelled)
// or when the server stops and its grace period is over; the reply is then kept as `interrupted` with its
// partial text. While it streams, the row is touched at least every HEARTBEAT_MS so that other instances
// can tell a live reply from one whose server died (lib/chat/stream-liveness.ts).
export function replyResponse(input: {
  model: LanguageModel;
  messages: ModelMessage[];
  assistantId: string;
  signal: AbortSignal;
  sink: ReplySink;
  headers?: Record<string, string>;
}): Response {
  const { sink, signal } = input;
  const upstream = new AbortController();
  const stop = () => upstream.abort();
  const cancelled = AbortSignal.any([signal, shutdownSignal()]);
  if (cancelled.aborted) stop();
  cancelled.addEventListener("abort", stop, { once: true });
  const timeout = setTimeout(stop, MAX_REPLY_MS);

  let text = "";
  let usage: { inputTokens?: number; outputTokens?: number } | null = null;
  let failure: unknown;
  let lastSave = Date.now();
  let saving = Promise.resolve();
  const save = () => {
    lastSave = Date.now();
    const snapshot = text;
    saving = saving.then(() => sink.progress(snapshot)).catch(logSinkError);
  };
  const heartbeat = setInterval(() => {
    if (Date.now() - lastSave >= HEARTBEAT_MS) save();
  }, HEARTBEAT_MS);

  const result = streamText({
    model: input.model,
    messages: input.messages,
    abortSignal: upstream.signal,
    maxRetries: 1,
    onChunk: ({ chunk }) => {
      if (chunk.type !== "text-delta") return;
      text += chunk.text;
      if (Date.now() - lastSave >= PROGRESS_EVERY_MS) save();
    },
    onFinish: ({ totalUsage }) => {
      usage = { inputTokens: totalUsage.inputTokens, outputTokens: totalUsage.outputTokens };
    },
    // Replaces the SDK's default, which logs the whole request (the conversation included).
    onError: ({ error }) => void (failure ??= error),
  });

  const settled = Promise.resolve(result.consumeStream({ onError: (error) => void (failure ??= error) }))
    .then(async () => {
      clearTimeout(timeout);
      clearInterval(heartbeat);
      cancelled.removeEventListener("abort", stop);
      await saving;
      await sink.finish(outcomeOf({ text, usage, failure, aborted: upstream.signal.aborted }));
    })
    .catch(logSinkError);

  const onError = (error: unknown) => replyErrorMessage(error);
  const stream = createUIMessageStream<ReplyMessage>({
    execute: async ({ writer }) => {
      writer.merge(
        result.toUIMessageStream<ReplyMessage>({
          generateMessageId: () => input.assistantId,
          onError,
          messageMetadata: ({ part }): ReplyMetadata | undefined =>
            part.type === "start" ? { status: "streaming" } : part.type === "finish" ? { status: "complete" } : undefined,
        }),
      );
      // The stream ends only once the outcome is stored, so a reload right after sees the final state.
      await settled;
    },
    onError,
  });

  const reader = stream.getReader();
  const guarded = new ReadableStream({
    async pull(controller) {
      const chunk = await reader.read();
      if (chunk.done) controller.close();
      else controller.enqueue(chunk.value);
    },
    cancel(reason) {
      stop();
      return reader.cancel(reason);
    },
  });
  return createUIMessageStreamResponse({ stream: guarded, headers: input.headers });
}

function outcomeOf(state: {
  text: string;
  usage: { inputTokens?: number; outputTokens?: number } | null;
  failure: unknown;
  aborted: boolean;
}): ReplyOutcome {
  if (state.usage && !state.failure) return { status: "complete", text: state.text, ...state.usage };
  if (state.aborted) return { status: "interrupted", text: state.text };
  logReplyError(state.failure);
  return { status: "error", text: state.text, error: replyErrorMessage(state.failure) };
}

function logSinkError(error: unknown) {
  console.error("[chat] could not store the reply:", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
