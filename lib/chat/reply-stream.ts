import type { LanguageModelV3 } from "@ai-sdk/provider";
import { UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from "ai";
import { openModelStream, usageOf, type ModelStreamPart, type TextTurn, type TokenUsage } from "@/lib/ai/model-stream";
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
type ReplyChunk = UIMessageChunk<ReplyMetadata>;

const PROGRESS_EVERY_MS = 1_000;
const MAX_REPLY_MS = 10 * 60_000;

const encoder = new TextEncoder();
const encode = (chunk: ReplyChunk) => encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`);
const DONE = encoder.encode("data: [DONE]\n\n");

// Streams one assistant reply in the AI SDK's UI message stream protocol (what useChat reads: the same
// events, in the same order, as streamText().toUIMessageStream() sends for a text reply; a unit test
// holds the two side by side) and records how it ended. The model's stream is read at its own pace
// whether or not the client keeps reading, and each part goes out as one event: no stream layers in
// between (docs/benchmarks.md, "CPU per streamed reply").
// The upstream model request is cancelled when the client goes away (request aborted or response stream
// cancelled) or when the server stops and its grace period is over; the reply is then kept as
// `interrupted` with its partial text. While it streams, the row is touched at least every HEARTBEAT_MS
// so that other instances can tell a live reply from one whose server died (lib/chat/stream-liveness.ts).
export function replyResponse(input: {
  call: ModelCall;
  assistantId: string;
  signal: AbortSignal;
  sink: ReplySink;
  headers?: Record<string, string>;
}): Response {
  const { sink, signal, call } = input;
  const { upstream } = call;
  let reader: ReadableStreamDefaultReader<ModelStreamPart> | undefined;
  // Aborting the request is the provider's cue to stop; cancelling the reader ends our read even if a
  // provider were slow to notice.
  const stop = () => {
    upstream.abort();
    reader?.cancel().catch(() => undefined);
  };
  const cancelled = AbortSignal.any([signal, shutdownSignal()]);
  if (cancelled.aborted) stop();
  cancelled.addEventListener("abort", stop, { once: true });
  const timeout = setTimeout(stop, MAX_REPLY_MS);

  let text = "";
  let usage: TokenUsage | null = null;
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

  let reading = true;
  let client!: ReadableStreamDefaultController<Uint8Array>;
  const send = (chunk: ReplyChunk) => {
    if (reading) client.enqueue(encode(chunk));
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      client = controller;
    },
    cancel() {
      reading = false;
      stop();
    },
  });

  // One part of the model's stream: what the client is sent, and what is kept.
  let errorSent = false;
  const relay = (part: ModelStreamPart) => {
    switch (part.type) {
      case "text-delta":
        text += part.delta;
        send({ type: "text-delta", id: part.id, delta: part.delta });
        if (Date.now() - lastSave >= PROGRESS_EVERY_MS) save();
        return;
      case "reasoning-delta":
        return send({ type: "reasoning-delta", id: part.id, delta: part.delta });
      case "text-start":
      case "text-end":
      case "reasoning-start":
      case "reasoning-end":
        return send({ type: part.type, id: part.id });
      case "finish":
        usage = usageOf(part.usage);
        send({ type: "finish-step" });
        return send({ type: "finish", finishReason: part.finishReason.unified, messageMetadata: { status: "complete" } });
      case "error":
        failure ??= part.error;
        errorSent = true;
        return send({ type: "error", errorText: replyErrorMessage(part.error) });
    }
  };

  const run = async () => {
    send({ type: "start", messageId: input.assistantId, messageMetadata: { status: "streaming" } });
    try {
      reader = await call.opened;
      if (upstream.signal.aborted) await reader.cancel();
      send({ type: "start-step" });
      for (let next = await reader.read(); !next.done; next = await reader.read()) relay(next.value);
    } catch (error) {
      failure ??= error;
    }
    clearTimeout(timeout);
    clearInterval(heartbeat);
    cancelled.removeEventListener("abort", stop);
    const outcome = outcomeOf({ text, usage, failure, aborted: upstream.signal.aborted });
    if (outcome.status === "interrupted") send({ type: "abort" });
    else if (outcome.status === "error" && !errorSent) send({ type: "error", errorText: outcome.error! });
    // The stream ends only once the outcome is stored, so a reload right after sees the final state.
    await saving;
    await sink.finish(outcome).catch(logSinkError);
    if (reading) {
      client.enqueue(DONE);
      client.close();
    }
  };
  void run();

  return new Response(body, { headers: { ...UI_MESSAGE_STREAM_HEADERS, ...input.headers } });
}

// The model call of one reply, opened before the reply's response exists: the chat starts it while the turn
// is being stored (lib/chat/start-turn.ts), and abandons it when storing fails.
export type ModelCall = { readonly upstream: AbortController; readonly opened: Promise<ReadableStreamDefaultReader<ModelStreamPart>>; abandon(): void };

export function startModelCall(input: { model: LanguageModelV3; messages: TextTurn[] }): ModelCall {
  const upstream = new AbortController();
  const opened = openModelStream({ model: input.model, messages: input.messages, abortSignal: upstream.signal, retries: 1 });
  // A refusal is read (and answered) by replyResponse; one that comes after abandon() has no reader.
  opened.catch(() => undefined);
  return {
    upstream,
    opened,
    abandon() {
      upstream.abort();
      opened.then((reader) => reader.cancel(), () => undefined).catch(() => undefined);
    },
  };
}

function outcomeOf(state: { text: string; usage: TokenUsage | null; failure: unknown; aborted: boolean }): ReplyOutcome {
  if (state.usage && !state.failure) return { status: "complete", text: state.text, ...state.usage };
  if (state.aborted) return { status: "interrupted", text: state.text };
  logReplyError(state.failure);
  return { status: "error", text: state.text, error: replyErrorMessage(state.failure) };
}

function logSinkError(error: unknown) {
  console.error("[chat] could not store the reply:", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
