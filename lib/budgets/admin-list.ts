import "server-only";
import { lastSeen, listUsersForAdmin, type AdminUserSort } from "@/lib/db/queries/admin-users";
import { listUsersByUsage, tokenTotals } from "@/lib/db/queries/token-usage";
import { decodeCursor, keysetCursor, sortKeys } from "@/lib/pagination/cursor";
import { usageFromDay } from "./usage";

const PAGE_SIZE = 50;
// Most tokens first: paged on (tokens, id).
const usageCursor = keysetCursor("tokens", "u", sortKeys.count);

type ListInput = { q?: string; status?: string; role?: string; sort?: AdminUserSort | "usage"; cursor?: string; now?: Date };

// The admin users list with each user's tokens over the usage pages' 30 days: newest or most recently seen
// first (the list's own orders and cursor), or most tokens first (?sort=usage, with a cursor of its own).
export async function listUsersWithUsage({ q, status, role, sort, cursor, now = new Date() }: ListInput) {
  const fromDay = usageFromDay(now);
  if (sort === "usage") {
    const rows = await listUsersByUsage({ fromDay, q, status, role, cursor: usageCursor.decode(cursor), take: PAGE_SIZE + 1 });
    const page = rows.slice(0, PAGE_SIZE);
    const last = page.at(-1);
    const seen = await lastSeen(page.map((row) => row.id));
    return {
      users: page.map((row) => ({ ...row, lastSeenAt: seen.get(row.id) ?? null })),
      nextCursor: rows.length > PAGE_SIZE && last ? usageCursor.encode({ tokens: last.tokens, id: last.id }) : null,
    };
  }
  const page = await listUsersForAdmin({ q, status, role, sort, cursor: decodeCursor(cursor) });
  const totals = await tokenTotals({ userIds: page.users.map((user) => user.id), fromDay });
  return { users: page.users.map((user) => ({ ...user, tokens: totals.get(user.id) ?? 0 })), nextCursor: page.nextCursor };
}
