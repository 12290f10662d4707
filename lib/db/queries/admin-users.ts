import "server-only";
import { db } from "@/lib/db/client";
import { engineOf } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import { encodeCursor, type Cursor } from "@/lib/pagination/cursor";

const PAGE_SIZE = 50;

const listFields = { id: true, email: true, name: true, role: true, status: true, createdAt: true } as const;

export async function lastSeen(userIds: string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.session.groupBy({ by: ["userId"], where: { userId: { in: userIds } }, _max: { lastSeenAt: true } });
  return new Map(rows.flatMap((row) => (row._max.lastSeenAt ? [[row.userId, row._max.lastSeenAt] as const] : [])));
}

// Newest first, keyset-paged; `q` matches email or name (case aside on both engines).
export async function listUsersForAdmin(input: { q?: string; status?: string; role?: string; cursor: Cursor | null }) {
  const { q, status, role, cursor } = input;
  const text = (value: string) => (engineOf(env.DATABASE_URL) === "postgres" ? ({ contains: value, mode: "insensitive" } as never) : { contains: value });
  const rows = await db.user.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(role ? { role } : {}),
      AND: [
        ...(q ? [{ OR: [{ email: text(q.toLowerCase()) }, { name: text(q) }] }] : []),
        ...(cursor ? [{ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] : []),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: listFields,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const seen = await lastSeen(page.map((row) => row.id));
  const last = page.at(-1);
  return {
    users: page.map((row) => ({ ...row, lastSeenAt: seen.get(row.id) ?? null })),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
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
  if (!user) return null;
  const seen = await lastSeen([user.id]);
  return { ...user, lastSeenAt: seen.get(user.id) ?? null };
}
