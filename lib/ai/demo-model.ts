import type { LanguageModelV3, LanguageModelV3Prompt, LanguageModelV3StreamPart, LanguageModelV3Usage } from "@ai-sdk/provider";

// The built-in model for a fresh install with no provider: deterministic, streamed, and plain about
// what it is. It runs no neural network; no model weights ship with Keyline.
const TOKEN_DELAY_MS = 12;

function lastUserText(prompt: LanguageModelV3Prompt): string {
  const last = [...prompt].reverse().find((message) => message.role === "user");
  if (!last || typeof last.content === "string") return "";
  return last.content.map((part) => (part.type === "text" ? part.text : "")).join(" ").trim();
}

export function demoReply(userText: string): string {
  const quoted = userText.length > 200 ? `${userText.slice(0, 200)}…` : userText;
  return [
    "This is Keyline's built-in **demo model**: it is not an AI and does not understand your message.",
    quoted ? `\n\nYou wrote: “${quoted}”` : "",
    "\n\nTo chat with a real model, set `OPENAI_API_KEY` (or `OPENAI_BASE_URL` for Ollama, vLLM or LM Studio) or `ANTHROPIC_API_KEY`, and optionally `AI_MODELS`, then restart Keyline.",
  ].join("");
}

// Words and the spaces after them, so the reply streams the way real models do.
function tokensOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function usageOf(input: string, output: string): LanguageModelV3Usage {
  const inputTokens = tokensOf(input).length;
  const outputTokens = tokensOf(output).length;
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
  };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export function createDemoModel(): LanguageModelV3 {
  return {
    specificationVersion: "v3",
    provider: "keyline",
    modelId: "demo",
    supportedUrls: {},
    async doGenerate(options) {
      const input = lastUserText(options.prompt);
      const text = demoReply(input);
      return {
        content: [{ type: "text", text }],
        finishReason: { unified: "stop", raw: "stop" },
        usage: usageOf(input, text),
        warnings: [],
      };
    },
    async doStream(options) {
      const input = lastUserText(options.prompt);
      const text = demoReply(input);
      const signal = options.abortSignal;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          try {
            controller.enqueue({ type: "stream-start", warnings: [] });
            controller.enqueue({ type: "text-start", id: "demo" });
            for (const token of tokensOf(text)) {
              await sleep(TOKEN_DELAY_MS, signal);
              controller.enqueue({ type: "text-delta", id: "demo", delta: token });
            }
            controller.enqueue({ type: "text-end", id: "demo" });
            controller.enqueue({ type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: usageOf(input, text) });
            controller.close();
          } catch (error) {
            controller.error(error);
          }
        },
      });
      return { stream };
    },
  };
}
