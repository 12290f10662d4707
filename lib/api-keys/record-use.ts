import "server-only";
import { recordApiKeyUsage, touchApiKey, utcDay } from "@/lib/db/queries/api-keys";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import type { ApiKeyPrincipal } from "./with-api-key";
import type { RequestInfo } from "@/lib/http/request-info";
import type { UsageMeter } from "./usage-meter";

// lastUsedAt is for people reading the list: a write a minute per key is plenty.
const TOUCH_EVERY_MS = 60_000;

type KeyUse = { key: ApiKeyPrincipal; request: RequestInfo; meter: UsageMeter; at: Date };

async function noteLastUse({ key, request, at }: KeyUse) {
  const ipChanged = key.lastUsedIp !== request.ip;
  const stale = !key.lastUsedAt || at.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS;
  if (!ipChanged && !stale) return;
  const changedByUs = await touchApiKey({ id: key.id, userId: key.userId, previousIp: key.lastUsedIp, ip: request.ip, at });
  if (changedByUs && ipChanged && request.ip) {
    await recordSecurityEvent({
      userId: key.userId,
      type: "api_key_new_ip",
      request,
      detail: { apiKeyId: key.id, previousIp: key.lastUsedIp, firstUse: key.lastUsedAt === null },
    });
  }
}

async function countUsage({ key, meter, at }: KeyUse) {
  const { inputTokens, outputTokens } = await meter.settled();
  await recordApiKeyUsage({ apiKeyId: key.id, day: utcDay(at), inputTokens, outputTokens });
}

// Runs after the response (next/server `after`), so bookkeeping never delays or fails a request.
export async function recordKeyUse(use: KeyUse): Promise<void> {
  const results = await Promise.allSettled([noteLastUse(use), countUsage(use)]);
  for (const result of results) {
    if (result.status === "rejected") {
      const reason: unknown = result.reason;
      console.error("[api-key] could not record use:", reason instanceof Error ? reason.message : String(reason));
    }
  }
}
