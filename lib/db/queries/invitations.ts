import "server-only";
import { db } from "@/lib/db/client";
import type { Cursor } from "@/lib/pagination/cursor";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

// Live: neither used nor revoked, and not past its expiry. Addresses are stored as the sign-in form
// normalises them (lib/validations/auth.ts), so equality is enough.
const live = (email: string, now: Date) => ({ email, usedAt: null, revokedAt: null, expiresAt: { gt: now } });

export const invitationFields = {
  id: true,
  email: true,
  role: true,
  invitedById: true,
  invitedByEmail: true,
  createdAt: true,
  expiresAt: true,
  usedAt: true,
  usedById: true,
  revokedAt: true,
} as const;

export async function findLiveInvitation({ email, now = new Date() }: { email: string; now?: Date }) {
  return db.invitation.findFirst({ where: live(email, now), select: { id: true, role: true }, orderBy: { createdAt: "desc" } });
}

export async function findInvitationByTokenHash({ tokenHash }: { tokenHash: string }) {
  return db.invitation.findUnique({ where: { tokenHash }, select: invitationFields });
}

// Used up by the account being created, inside its transaction. The UPDATE's own WHERE decides: of two
// transactions that both found the row, PostgreSQL makes the second wait for the first and then finds it
// used (no row updated); SQLite runs them one at a time. So an invitation admits exactly one account.
export async function consumeLiveInvitation(tx: Tx, { email, userId, now }: { email: string; userId: string; now: Date }) {
  const candidate = await tx.invitation.findFirst({ where: live(email, now), select: { id: true }, orderBy: { createdAt: "desc" } });
  if (!candidate) return null;
  const { count } = await tx.invitation.updateMany({
    where: { id: candidate.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now, usedById: userId },
  });
  if (count !== 1) return null;
  return tx.invitation.findUniqueOrThrow({ where: { id: candidate.id }, select: invitationFields });
}

const PAGE_SIZE = 50;

// Newest first, keyset-paged.
export async function listInvitations({ cursor }: { cursor: Cursor | null }) {
  const rows = await db.invitation.findMany({
    where: cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: invitationFields,
  });
  return { invitations: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}

export type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;
