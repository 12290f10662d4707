import "server-only";
import { countActiveApiKeys, createApiKey, listApiKeysWithUsage, revokeApiKey } from "@/lib/db/queries/api-keys";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/http/request-info";
import type { CreateApiKeyInput } from "@/lib/validations/api-keys";
import { MAX_ACTIVE_KEYS, serializeScopes, type ApiKeyView } from "./constants";
import { generateApiKey, hashApiKey } from "./format";
import { toApiKeyView } from "./view";

const DAY_MS = 86_400_000;

// The full key exists only in this function's result: the database gets its hash and display parts.
export async function createKeyForUser(input: { userId: string; data: CreateApiKeyInput; request: RequestInfo }): Promise<{ key: string; apiKey: ApiKeyView }> {
  const { userId, data, request } = input;
  if ((await countActiveApiKeys({ userId })) >= MAX_ACTIVE_KEYS) {
    throw new AppError("conflict:too_many_keys", `You can have at most ${MAX_ACTIVE_KEYS} active keys. Revoke one you no longer use.`);
  }
  const { key, prefix, lastFour } = generateApiKey();
  const row = await createApiKey({
    userId,
    name: data.name,
    scopes: serializeScopes(data.scopes),
    expiresAt: new Date(Date.now() + data.expiresInDays * DAY_MS),
    prefix,
    lastFour,
    hash: hashApiKey(key),
  });
  const apiKey = toApiKeyView(row, [], new Date());
  await recordSecurityEvent({
    userId,
    type: "api_key_created",
    request,
    detail: { apiKeyId: apiKey.id, name: apiKey.name, scopes: apiKey.scopes.join(" "), expiresAt: apiKey.expiresAt },
  });
  return { key, apiKey };
}

export async function listKeysForUser({ userId }: { userId: string }): Promise<ApiKeyView[]> {
  const now = new Date();
  const keys = await listApiKeysWithUsage({ userId, now });
  return keys.map(({ row, days }) => toApiKeyView(row, days, now));
}

export async function revokeKeyForUser(input: { userId: string; id: string; request: RequestInfo }): Promise<void> {
  const { userId, id, request } = input;
  const revoked = await revokeApiKey({ id, userId });
  if (!revoked) throw apiKeyNotFound();
  if (revoked.revokedNow) {
    await recordSecurityEvent({ userId, type: "api_key_revoked", request, detail: { apiKeyId: id, name: revoked.name } });
  }
}

export function apiKeyNotFound(): AppError {
  return new AppError("not_found:api_key", "API key not found.");
}
