import "server-only";
import { accountLabel } from "@/lib/auth/account-label";
import type { CurrentUser } from "@/lib/auth/guard";
import { generateToken, sha256Hex } from "@/lib/auth/tokens";
import { createThreadFromMessages, getOwnThread } from "@/lib/chat/threads";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { createShare, listShares, revokeAllShares, revokeShare } from "@/lib/db/queries/shares";
import { env } from "@/lib/env";
import { decodeCursor } from "@/lib/pagination/cursor";
import type { RequestInfo } from "@/lib/http/request-info";
import { shareIdParam, type CreateShareInput } from "@/lib/validations/shares";
import { shareNotFound } from "./errors";
import { readSharedSnapshot } from "./read";
import { takeSnapshot } from "./snapshot";
import { toShareView } from "./view";

const DAY_MS = 86_400_000;

// Every write of a share link, each with its security-log entry. Another user's thread or share is a 404.

// The token exists only in this function's result (the URL); the database keeps its SHA-256.
export async function createShareForUser(input: { user: CurrentUser; threadId: unknown; data: CreateShareInput; request: RequestInfo }) {
  const { user, data, request } = input;
  const thread = await getOwnThread({ userId: user.id, id: input.threadId });
  const messages = await takeSnapshot({ userId: user.id, threadId: thread.id, includeUnfinished: data.includeUnfinished });
  const token = generateToken();
  const share = await createShare({
    userId: user.id,
    threadId: thread.id,
    tokenHash: sha256Hex(token),
    title: thread.title,
    model: thread.model,
    messages,
    includeUnfinished: data.includeUnfinished,
    ownerName: data.showOwnerName ? accountLabel(user) : null,
    expiresAt: data.expiresInDays === null ? null : new Date(Date.now() + data.expiresInDays * DAY_MS),
  });
  await recordSecurityEvent({
    userId: user.id,
    type: "share_created",
    request,
    detail: { shareId: share.id, threadId: thread.id, messages: share.messageCount, expiresAt: share.expiresAt?.toISOString() ?? null, showOwnerName: data.showOwnerName },
  });
  return {
    id: share.id,
    url: `${env.AUTH_URL}/share/${token}`,
    createdAt: share.createdAt.toISOString(),
    expiresAt: share.expiresAt?.toISOString() ?? null,
    messageCount: share.messageCount,
  };
}

export async function revokeShareForUser(input: { userId: string; id: unknown; request: RequestInfo }): Promise<void> {
  const parsed = shareIdParam.safeParse({ id: input.id });
  if (!parsed.success) throw shareNotFound();
  if (!(await revokeShare({ userId: input.userId, id: parsed.data.id, now: new Date() }))) throw shareNotFound();
  await recordSecurityEvent({ userId: input.userId, type: "share_revoked", request: input.request, detail: { shareId: parsed.data.id } });
}

export async function revokeAllSharesForUser(input: { userId: string; request: RequestInfo }): Promise<number> {
  const count = await revokeAllShares({ userId: input.userId, now: new Date() });
  if (count > 0) await recordSecurityEvent({ userId: input.userId, type: "share_revoked", request: input.request, detail: { all: true, count } });
  return count;
}

// The owner's live links, newest first, one page (Settings → Shared links and GET /api/shares).
export async function listSharesForUser({ userId, cursor }: { userId: string; cursor?: string }) {
  const page = await listShares({ userId, cursor: decodeCursor(cursor) });
  const now = new Date();
  return { shares: page.shares.map((row) => toShareView(row, now)), nextCursor: page.nextCursor };
}

// "Continue in my account": the snapshot becomes a new thread of the viewer's (the owner sees nothing of it).
export async function copyShareForUser(input: { userId: string; token: string; request: RequestInfo }): Promise<{ id: string }> {
  const snapshot = await readSharedSnapshot({ token: input.token, request: input.request, countView: false });
  return createThreadFromMessages({ userId: input.userId, title: snapshot.share.title, model: snapshot.share.model, messages: snapshot.messages });
}
