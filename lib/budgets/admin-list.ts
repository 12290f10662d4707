import "server-only";
import { z } from "zod";
import { lastSeen, listUsersForAdmin, type AdminUserSort } from "@/lib/db/queries/admin-users";
import { listUsersByUsage, tokenTotals, type UsageCursor } from "@/lib/db/queries/token-usage";
import { AppError } from "@/lib/errors";
import { decodeCursor } from "@/lib/pagination/cursor";
import { usageFromDay } from "./usage";

const PAGE_SIZE = 50;
const usageCursorShape = z.object({ u: z.number().int().min(0), id: z.string().min(1).max(100) });

function encodeUsageCursor({ tokens, id }: UsageCursor): string {
  return Buffer.from(JSON.stringify({ u: tokens, id })).toString("base64url");
}

function decodeUsageCursor(value: string | undefined): UsageCursor | null {
  if (!value) return null;
  try {
    const parsed = usageCursorShape.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { tokens: parsed.u, id: parsed.id };
  } catch {
    throw new AppError("bad_request:cursor", "The cursor is not valid. Start again from the first page.");
  }
}

type ListInput = { q?: string; status?: string; role?: string; sort?: AdminUserSort | "usage"; cursor?: string; now?: Date };

// The admin users list with each user's tokens over the usage pages' 30 days: newest or most recently seen
// first (the list's own orders and cursor), or most tokens first (?sort=usage, with a cursor of its own).
export async function listUsersWithUsage({ q, status, role, sort, cursor, now = new Date() }: ListInput) {
  const fromDay = usageFromDay(now);
  if (sort === "usage") {
    const rows = await listUsersByUsage({ fromDay, q, status, role, cursor: decodeUsageCursor(cursor), take: PAGE_SIZE + 1 });
    const page = rows.slice(0, PAGE_SIZE);
    const last = page.at(-1);
    const seen = await lastSeen(page.map((row) => row.id));
    return {
      users: page.map((row) => ({ ...row, lastSeenAt: seen.get(row.id) ?? null })),
      nextCursor: rows.length > PAGE_SIZE && last ? encodeUsageCursor({ tokens: last.tokens, id: last.id }) : null,
    };
  }
  const page = await listUsersForAdmin({ q, status, role, sort, cursor: decodeCursor(cursor) });
  const totals = await tokenTotals({ userIds: page.users.map((user) => user.id), fromDay });
  return { users: page.users.map((user) => ({ ...user, tokens: totals.get(user.id) ?? 0 })), nextCursor: page.nextCursor };
}
