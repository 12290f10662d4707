import crypto from "node:crypto";
import type { FinishReason, LanguageModelUsage } from "ai";

// OpenAI's response objects, built from AI SDK results.
export type OpenAIFinishReason = "stop" | "length" | "content_filter" | "tool_calls";
export type OpenAIUsage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

export function completionId(): string {
  return `chatcmpl-${crypto.randomBytes(12).toString("base64url")}`;
}

export function finishReasonOf(reason: FinishReason | undefined): OpenAIFinishReason {
  switch (reason) {
    case "length":
      return "length";
    case "content-filter":
      return "content_filter";
    case "tool-calls":
      return "tool_calls";
    default:
      return "stop";
  }
}

export function usageOf(usage: { inputTokens?: number; outputTokens?: number; totalTokens?: number } | undefined): OpenAIUsage {
  const prompt = usage?.inputTokens ?? 0;
  const completion = usage?.outputTokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: usage?.totalTokens ?? prompt + completion };
}

type Meta = { id: string; created: number; model: string };

export function chatCompletion(meta: Meta, result: { text: string; finishReason: FinishReason; usage: LanguageModelUsage }) {
  return {
    id: meta.id,
    object: "chat.completion" as const,
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant" as const, content: result.text, refusal: null },
        logprobs: null,
        finish_reason: finishReasonOf(result.finishReason),
      },
    ],
    usage: usageOf(result.usage),
  };
}

// With include_usage, every chunk carries `usage: null` and one last chunk with no choices carries the totals.
export function chatCompletionChunk(
  meta: Meta,
  choice: { delta: { role?: "assistant"; content?: string }; finishReason?: OpenAIFinishReason | null } | null,
  usage?: OpenAIUsage | null,
) {
  return {
    id: meta.id,
    object: "chat.completion.chunk" as const,
    created: meta.created,
    model: meta.model,
    choices: choice ? [{ index: 0, delta: choice.delta, logprobs: null, finish_reason: choice.finishReason ?? null }] : [],
    ...(usage !== undefined ? { usage } : {}),
  };
}
