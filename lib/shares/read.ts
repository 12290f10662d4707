import "server-only";
import { sha256Hex } from "@/lib/auth/tokens";
import type { ApiMessage } from "@/lib/chat/serialize";
import { countShareView, findLiveShare } from "@/lib/db/queries/shares";
import type { RequestInfo } from "@/lib/http/request-info";
import { consumeIpRateLimit, rateLimitedError, rateLimitHeaders } from "@/lib/rate-limit/limiter";
import { SHARE_TOKEN_MAX_CHARS } from "@/lib/validations/shares";
import { shareNotFound } from "./errors";
import { readSnapshot } from "./snapshot";

export type SharedSnapshot = {
  id: string;
  share: { title: string; model: string; createdAt: string; ownerName: string | null };
  messages: ApiMessage[];
  limitHeaders: Record<string, string>;
};

// Every public read of a link (the page, GET /api/share/<token>, the copy) comes through here: the per-IP
// limit first, so guessing costs something; then a hash and one indexed lookup, the same work for any token
// (a malformed or overlong one is hashed and looked up like the rest, and simply not found).
export async function readSharedSnapshot(input: { token: string; request: RequestInfo; countView: boolean }): Promise<SharedSnapshot> {
  const limit = await consumeIpRateLimit("share_ip", input.request.ip);
  if (!limit.allowed) throw rateLimitedError(limit, "Too many shared-link requests from your network. Please wait and try again.");
  const token = input.token.length <= SHARE_TOKEN_MAX_CHARS ? input.token : "";
  const row = await findLiveShare({ tokenHash: sha256Hex(token), now: new Date() });
  if (!row) throw shareNotFound();
  if (input.countView) await countShareView({ id: row.id });
  return {
    id: row.id,
    share: { title: row.title, model: row.model, createdAt: row.createdAt.toISOString(), ownerName: row.ownerName },
    messages: readSnapshot(row.messages),
    limitHeaders: rateLimitHeaders(limit),
  };
}
