import "server-only";
import { db } from "@/lib/db/client";
import { encodeCursor, type Cursor } from "@/lib/pagination/cursor";

export const SHARE_PAGE_SIZE = 50;

// A frozen message in the history shape (lib/chat/serialize.ts ApiMessage).
type StoredMessage = { id: string; role: string; parts: { type: "text"; text: string }[]; status: string; createdAt: string; error?: string };

const ownerFields = {
  id: true,
  threadId: true,
  title: true,
  messageCount: true,
  ownerName: true,
  createdAt: true,
  expiresAt: true,
  views: true,
} as const;

export async function createShare(input: {
  userId: string;
  threadId: string;
  tokenHash: string;
  title: string;
  model: string;
  messages: StoredMessage[];
  includeUnfinished: boolean;
  ownerName: string | null;
  expiresAt: Date | null;
}) {
  return db.share.create({ data: { ...input, messageCount: input.messages.length }, select: ownerFields });
}

// The owner's live links (revoked ones are gone from the list; expired ones stay until revoked), newest first.
export async function listShares({ userId, cursor, limit = SHARE_PAGE_SIZE }: { userId: string; cursor: Cursor | null; limit?: number }) {
  const rows = await db.share.findMany({
    where: {
      userId,
      revokedAt: null,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: ownerFields,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { shares: page, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}

// Revoking also drops the frozen copy: nothing is kept that no one can see any more.
export async function revokeShare({ userId, id, now }: { userId: string; id: string; now: Date }): Promise<boolean> {
  const { count } = await db.share.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: now, messages: [] } });
  return count === 1;
}

export async function revokeAllShares({ userId, now }: { userId: string; now: Date }): Promise<number> {
  const { count } = await db.share.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, messages: [] } });
  return count;
}

// The one lookup without an owner: the token's hash is the credential. Revoked and expired links are not
// found, so every instance refuses them on the next request.
export async function findLiveShare({ tokenHash, now }: { tokenHash: string; now: Date }) {
  return db.share.findFirst({
    where: { tokenHash, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { id: true, title: true, model: true, messages: true, ownerName: true, createdAt: true },
  });
}

export async function countShareView({ id }: { id: string }) {
  await db.share.updateMany({ where: { id }, data: { views: { increment: 1 } } });
}
