import "server-only";
import { env } from "@/lib/env";

// The models offered to users, from AI_MODELS or each configured provider's default; `demo` when none.
export type ModelProvider = "openai" | "anthropic" | "demo";
export type ModelInfo = { id: string; provider: ModelProvider; model: string; label: string };

export const DEMO_MODEL_ID = "demo";
const DEFAULTS: Record<Exclude<ModelProvider, "demo">, string> = {
  openai: "openai:gpt-4o-mini",
  anthropic: "anthropic:claude-sonnet-4-5",
};

export function isProviderConfigured(provider: ModelProvider): boolean {
  if (provider === "openai") return Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
  if (provider === "anthropic") return Boolean(env.ANTHROPIC_API_KEY);
  return true;
}

function toInfo(id: string): ModelInfo {
  if (id === DEMO_MODEL_ID) return { id, provider: "demo", model: "demo", label: "Demo (built in)" };
  const [provider, ...rest] = id.split(":") as [Exclude<ModelProvider, "demo">, ...string[]];
  const model = rest.join(":");
  return { id, provider, model, label: model };
}

function configuredIds(): string[] {
  if (env.AI_MODELS) return env.AI_MODELS.split(",").map((id) => id.trim()).filter(Boolean);
  const ids = (Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]).filter(isProviderConfigured).map((p) => DEFAULTS[p]);
  return ids.length > 0 ? ids : [DEMO_MODEL_ID];
}

let cached: ModelInfo[] | undefined;

export function listModels(): ModelInfo[] {
  cached ??= [...new Set(configuredIds())].map(toInfo).filter((info) => isProviderConfigured(info.provider));
  return cached;
}

export function findModel(id: string | undefined | null): ModelInfo | undefined {
  return id ? listModels().find((model) => model.id === id) : undefined;
}

export function defaultModel(): ModelInfo {
  return listModels()[0] ?? toInfo(DEMO_MODEL_ID);
}
