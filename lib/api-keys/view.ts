import type { ApiKeyRow, ApiKeyUsageRow } from "@/lib/db/queries/api-keys";
import { parseScopes, type ApiKeyView } from "./constants";

// What the keys page and GET /api/keys show of a key: display parts, status and usage; never the secret.
export function toApiKeyView(row: ApiKeyRow, days: ApiKeyUsageRow[], now: Date): ApiKeyView {
  const sum = (field: "requests" | "inputTokens" | "outputTokens") => days.reduce((total, day) => total + day[field], 0);
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    lastFour: row.lastFour,
    scopes: parseScopes(row.scopes),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
    status: statusOf(row, now),
    usage: { requests: sum("requests"), inputTokens: sum("inputTokens"), outputTokens: sum("outputTokens"), days },
  };
}

function statusOf(row: ApiKeyRow, now: Date): ApiKeyView["status"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}
