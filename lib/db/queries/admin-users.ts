import "server-only";
import { db } from "@/lib/db/client";
import { engineOf } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import { encodeCursor, type Cursor } from "@/lib/pagination/cursor";

const PAGE_SIZE = 50;

const listFields = { id: true, email: true, name: true, role: true, status: true, createdAt: true, lastSeenAt: true } as const;

export type AdminUserSort = "createdAt" | "lastSeen";

// When each of these users was last seen (the user row's lastSeenAt), for lists ordered by something else.
export async function lastSeen(userIds: string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, lastSeenAt: true } });
  return new Map(rows.map((row) => [row.id, row.lastSeenAt] as const));
}

// Newest first (or most recently seen first), keyset-paged on (that time, id); `q` matches email or name
// (case aside on both engines). The cursor holds the sort column's value of the page's last row.
export async function listUsersForAdmin(input: { q?: string; status?: string; role?: string; sort?: AdminUserSort; cursor: Cursor | null }) {
  const { q, status, role, cursor } = input;
  const column = input.sort === "lastSeen" ? "lastSeenAt" : "createdAt";
  const text = (value: string) => (engineOf(env.DATABASE_URL) === "postgres" ? ({ contains: value, mode: "insensitive" } as never) : { contains: value });
  const rows = await db.user.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(role ? { role } : {}),
      AND: [
        ...(q ? [{ OR: [{ email: text(q.toLowerCase()) }, { name: text(q) }] }] : []),
        ...(cursor ? [{ OR: [{ [column]: { lt: cursor.createdAt } }, { [column]: cursor.createdAt, id: { lt: cursor.id } }] }] : []),
      ],
    },
    orderBy: [{ [column]: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: listFields,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    users: page,
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ createdAt: last[column], id: last.id }) : null,
  };
}

export async function findUserForAdmin({ userId }: { userId: string }) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      ...listFields,
      suspendedReason: true,
      approvedAt: true,
      tokenBudget: true,
      accounts: { select: { provider: true, email: true, login: true, createdAt: true } },
      _count: { select: { sessions: true, passkeys: true, apiKeys: true, threads: true } },
    },
  });
  return user;
}

// Who hears about accounts waiting for approval.
export async function listActiveAdminEmails(): Promise<string[]> {
  const admins = await db.user.findMany({ where: { role: "admin", status: "active", email: { not: null } }, select: { email: true }, orderBy: { createdAt: "asc" } });
  return admins.flatMap((admin) => (admin.email ? [admin.email] : []));
}
