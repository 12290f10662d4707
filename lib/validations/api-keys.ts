import { z } from "zod";

// Shared by the API keys page and POST /api/keys.
export const API_KEY_SCOPES = ["models:read", "chat:write", "threads:read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const SCOPE_INFO: Record<ApiKeyScope, { label: string; description: string; defaultOn: boolean }> = {
  "models:read": { label: "models:read", description: "List the models (GET /v1/models).", defaultOn: true },
  "chat:write": { label: "chat:write", description: "Create chat completions (POST /v1/chat/completions).", defaultOn: true },
  "threads:read": { label: "threads:read", description: "Read your chat history (GET /v1/threads). Off unless you grant it.", defaultOn: false },
};

export const EXPIRY_CHOICES = [7, 30, 90, 180, 365] as const;
export const DEFAULT_EXPIRY_DAYS = 90;
export const API_KEY_NAME_MAX = 64;
export const MAX_ACTIVE_KEYS = 25;

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(API_KEY_NAME_MAX, `At most ${API_KEY_NAME_MAX} characters`),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, "Unknown scope"))
    .min(1, "Choose at least one scope")
    .max(API_KEY_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z
    .number()
    .int()
    .refine((days) => (EXPIRY_CHOICES as readonly number[]).includes(days), `Choose one of ${EXPIRY_CHOICES.join(", ")} days`)
    .default(DEFAULT_EXPIRY_DAYS),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const apiKeyIdParam = z.object({ id: z.uuid("Not found") });

// Scopes are stored as one space-separated string (the schema's column), like OAuth scopes.
export function serializeScopes(scopes: readonly ApiKeyScope[]): string {
  return API_KEY_SCOPES.filter((scope) => scopes.includes(scope)).join(" ");
}

export function parseScopes(stored: string): ApiKeyScope[] {
  const words = new Set(stored.split(/\s+/));
  return API_KEY_SCOPES.filter((scope) => words.has(scope));
}

// What the list shows; the secret is never part of it.
export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  lastFour: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  status: "active" | "expired" | "revoked";
  usage: { requests: number; inputTokens: number; outputTokens: number; days: ApiKeyUsageDay[] };
};
export type ApiKeyUsageDay = { day: string; requests: number; inputTokens: number; outputTokens: number };

export function maskedKey(parts: { prefix: string; lastFour: string }): string {
  return `${parts.prefix}…${parts.lastFour}`;
}
