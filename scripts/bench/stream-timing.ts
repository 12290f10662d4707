// Streamed replies timed chunk by chunk: the OpenAI SSE format and the AI SDK's UI message stream.
import { randomUUID } from "node:crypto";
import { parseServerTiming } from "./measure";

export type StreamTiming = { status: number; ttft: number; total: number; chunkTimes: number[]; text: string; error?: string; serverTiming?: Record<string, number> };

// A streamed reply (OpenAI SSE or the AI SDK's UI message stream), with the arrival time of every
// content chunk. `contentOf` picks the text out of one `data:` payload (null for other events).
export async function timeStream(
  url: string,
  init: { headers: Record<string, string>; body: string },
  contentOf: (data: string) => { text?: string; error?: string } | null,
): Promise<StreamTiming> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: init.headers, body: init.body });
  const chunkTimes: number[] = [];
  const serverTiming = parseServerTiming(response.headers.get("server-timing") ?? undefined);
  let text = "";
  let error: string | undefined;
  if (!response.ok || !response.body) {
    return { status: response.status, ttft: NaN, total: performance.now() - started, chunkTimes, text: await response.text(), error: `HTTP ${response.status}` };
  }
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const now = performance.now() - started;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of event.split("\n")) {
          if (!line.startsWith("data:")) continue;
          const found = contentOf(line.slice(5).trim());
          if (found?.error) error ??= found.error;
          if (found?.text) {
            chunkTimes.push(now);
            text += found.text;
          }
        }
      }
    }
  } catch (cause) {
    error ??= cause instanceof Error ? cause.message : String(cause);
  }
  return { status: response.status, ttft: chunkTimes[0] ?? NaN, total: performance.now() - started, chunkTimes, text, error, serverTiming };
}

export function openAIContent(data: string): { text?: string; error?: string } | null {
  if (data === "[DONE]") return null;
  const event = JSON.parse(data) as { choices?: { delta?: { content?: string } }[]; error?: { message?: string } };
  if (event.error) return { error: event.error.message ?? "error" };
  return { text: event.choices?.[0]?.delta?.content };
}

export function uiMessageContent(data: string): { text?: string; error?: string } | null {
  if (data === "[DONE]") return null;
  const event = JSON.parse(data) as { type: string; delta?: string; errorText?: string };
  if (event.type === "error") return { error: event.errorText ?? "error" };
  return event.type === "text-delta" ? { text: event.delta } : null;
}

const JSON_HEADERS = { "content-type": "application/json" };

// One streamed completion in OpenAI's shape, to `url` (the model server itself, /v1, or the bare pipe).
export function timeCompletion(url: string, model: string, prompt: string, headers: Record<string, string> = {}): Promise<StreamTiming> {
  return timeStream(url, { headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify({ model, stream: true, messages: [{ role: "user", content: prompt }] }) }, openAIContent);
}

// One chat turn in a new thread through POST /api/chat, as the chat UI sends it.
export function timeChatTurn(origin: string, cookie: string, model: string, prompt: string): Promise<StreamTiming> {
  return timeStream(
    `${origin}/api/chat`,
    { headers: { ...JSON_HEADERS, cookie }, body: JSON.stringify({ id: randomUUID(), model, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: prompt }] } }) },
    uiMessageContent,
  );
}
