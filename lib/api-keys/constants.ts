// The API keys page's client code and the server share these; no zod here, so the page's bundle stays small.
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
