import "server-only";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { env } from "@/lib/env";
import { createDemoModel } from "./demo-model";
import type { ModelInfo } from "./models";

// One place turns a model id into an AI SDK model, for the chat UI and the developer API alike.
export function languageModel(info: ModelInfo): LanguageModelV3 {
  switch (info.provider) {
    case "demo":
      return createDemoModel();
    case "anthropic":
      return createAnthropic({ apiKey: env.ANTHROPIC_API_KEY })(info.model);
    case "openai":
      // Any OpenAI-compatible server (Ollama, vLLM, LM Studio, OpenRouter) speaks chat completions.
      if (env.OPENAI_BASE_URL) {
        return createOpenAICompatible({
          name: "openai",
          baseURL: env.OPENAI_BASE_URL,
          apiKey: env.OPENAI_API_KEY,
          includeUsage: true,
        }).chatModel(info.model);
      }
      return createOpenAI({ apiKey: env.OPENAI_API_KEY }).chat(info.model);
  }
}
