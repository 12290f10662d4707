import "server-only";
import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3Prompt, LanguageModelV3StreamPart, LanguageModelV3Usage } from "@ai-sdk/provider";
import { APICallError } from "ai";

// A conversation as Keyline sends it: text turns only (the chat UI and /v1 accept nothing else).
export type TextTurn = { role: "system" | "user" | "assistant"; content: string };

export type ModelCallSettings = Pick<
  LanguageModelV3CallOptions,
  "temperature" | "topP" | "maxOutputTokens" | "stopSequences" | "presencePenalty" | "frequencyPenalty" | "seed"
>;

export type TokenUsage = { inputTokens?: number; outputTokens?: number };

export type ModelStreamPart = LanguageModelV3StreamPart;

const FIRST_RETRY_DELAY_MS = 2_000;
const LONGEST_RETRY_AFTER_MS = 60_000;

function toPrompt(turns: TextTurn[]): LanguageModelV3Prompt {
  return turns.map((turn) =>
    turn.role === "system" ? { role: "system", content: turn.content } : { role: turn.role, content: [{ type: "text", text: turn.content }] },
  );
}

export const usageOf = (usage: LanguageModelV3Usage): TokenUsage => ({ inputTokens: usage.inputTokens.total, outputTokens: usage.outputTokens.total });

// Opens the provider's own stream (the AI SDK's LanguageModelV3.doStream) and hands back its parts as
// they come. The chat and /v1 relay text and nothing else, and streamText's layers (its transforms, the
// tee for onChunk, the UI message encoder on top) cost more CPU per reply than the relay itself
// (docs/benchmarks.md, "CPU per streamed reply"); the provider abstraction stays the SDK's. A retryable
// refusal before any output is tried again `retries` times, after the provider's Retry-After when it
// names one under a minute, as streamText's maxRetries did.
export async function openModelStream(input: {
  model: LanguageModelV3;
  messages: TextTurn[];
  settings?: ModelCallSettings;
  abortSignal: AbortSignal;
  retries: number;
}): Promise<ReadableStreamDefaultReader<ModelStreamPart>> {
  const prompt = toPrompt(input.messages);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const { stream } = await input.model.doStream({ prompt, ...input.settings, abortSignal: input.abortSignal });
      return stream.getReader();
    } catch (error) {
      if (attempt >= input.retries || input.abortSignal.aborted || !APICallError.isInstance(error) || !error.isRetryable) throw error;
      await sleep(retryDelayMs(error, FIRST_RETRY_DELAY_MS * 2 ** attempt), input.abortSignal);
    }
  }
}

function retryDelayMs(error: APICallError, backoffMs: number): number {
  const headers = error.responseHeaders ?? {};
  const afterMs = headers["retry-after-ms"] ? Number.parseFloat(headers["retry-after-ms"]) : headers["retry-after"] ? Number.parseFloat(headers["retry-after"]) * 1000 : NaN;
  return Number.isFinite(afterMs) && afterMs >= 0 && afterMs < LONGEST_RETRY_AFTER_MS ? afterMs : backoffMs;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
