import type { ShareView } from "@/lib/validations/shares";

type Row = { id: string; threadId: string; title: string; messageCount: number; ownerName: string | null; createdAt: Date; expiresAt: Date | null; views: number };

export function toShareView(row: Row, now: Date): ShareView {
  return {
    id: row.id,
    threadId: row.threadId,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    views: row.views,
    messageCount: row.messageCount,
    showOwnerName: row.ownerName !== null,
    status: row.expiresAt && row.expiresAt <= now ? "expired" : "active",
  };
}
