import type { ModelInfo } from "@/lib/ai/models";

// OpenAI's model object. Ids are Keyline's AI_MODELS ids (`openai:gpt-4o-mini`, `demo`), which are
// what /v1/chat/completions takes as `model`.
export function modelObject(info: ModelInfo) {
  return { id: info.id, object: "model" as const, created: 0, owned_by: info.provider === "demo" ? "keyline" : info.provider };
}
