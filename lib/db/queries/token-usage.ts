import "server-only";
import { empty, join, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { db, direct } from "@/lib/db/client";
import { dateFromRow } from "@/lib/db/raw-row";

export const USAGE_SOURCES = ["chat", "api_key", "oauth", "mcp"] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

export type UsageRow = { day: string; model: string; source: string; requests: number; inputTokens: number; outputTokens: number; estimated: number };

// One statement per reply, atomic on both engines (parallel replies of one user add up), straight to the
// driver (lib/db/direct.ts) since every reply pays for it.
export async function recordTokenUsage(input: {
  userId: string;
  day: string;
  model: string;
  source: UsageSource;
  inputTokens: number;
  outputTokens: number;
  estimated: boolean;
}): Promise<void> {
  const { userId, day, model, source, inputTokens, outputTokens } = input;
  const estimated = input.estimated ? 1 : 0;
  await direct.execute`
    INSERT INTO "TokenUsage" ("userId", "day", "model", "source", "requests", "inputTokens", "outputTokens", "estimated")
    VALUES (${userId}, ${day}, ${model}, ${source}, 1, ${inputTokens}, ${outputTokens}, ${estimated})
    ON CONFLICT ("userId", "day", "model", "source") DO UPDATE SET
      "requests" = "TokenUsage"."requests" + 1,
      "inputTokens" = "TokenUsage"."inputTokens" + excluded."inputTokens",
      "outputTokens" = "TokenUsage"."outputTokens" + excluded."outputTokens",
      "estimated" = "TokenUsage"."estimated" + excluded."estimated"`;
}

// A user's rows from `fromDay` (YYYY-MM-DD, UTC) on.
export async function listTokenUsage({ userId, fromDay }: { userId: string; fromDay: string }): Promise<UsageRow[]> {
  return db.tokenUsage.findMany({
    where: { userId, day: { gte: fromDay } },
    orderBy: [{ day: "asc" }, { model: "asc" }, { source: "asc" }],
    select: { day: true, model: true, source: true, requests: true, inputTokens: true, outputTokens: true, estimated: true },
  });
}

// Tokens per user from `fromDay` on, for the admin list.
export async function tokenTotals({ userIds, fromDay }: { userIds: string[]; fromDay: string }): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.tokenUsage.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds }, day: { gte: fromDay } },
    _sum: { inputTokens: true, outputTokens: true },
  });
  return new Map(rows.map((row) => [row.userId, (row._sum.inputTokens ?? 0) + (row._sum.outputTokens ?? 0)]));
}

// The admin list by tokens used since `fromDay`, most first, keyset-paged on (tokens, id). SQL, since the
// ORM cannot order users by an aggregate of another table; the filters are the list's usual ones.
export type UsageCursor = { tokens: number; id: string };
type UsageListRow = { id: string; email: string | null; name: string | null; role: string; status: string; createdAt: unknown; tokens: number | bigint | string | null };

export async function listUsersByUsage(input: { fromDay: string; q?: string; status?: string; role?: string; cursor: UsageCursor | null; take: number }) {
  const { fromDay, q, status, role, cursor, take } = input;
  const tokens = sql`COALESCE(t."tokens", 0)`;
  const conditions: Sql[] = [];
  if (status) conditions.push(sql`u."status" = ${status}`);
  if (role) conditions.push(sql`u."role" = ${role}`);
  if (q) {
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(LOWER(COALESCE(u."email", '')) LIKE ${pattern} ESCAPE '\\' OR LOWER(COALESCE(u."name", '')) LIKE ${pattern} ESCAPE '\\')`);
  }
  if (cursor) conditions.push(sql`(${tokens} < ${cursor.tokens} OR (${tokens} = ${cursor.tokens} AND u."id" > ${cursor.id}))`);
  const where = conditions.length > 0 ? sql`WHERE ${join(conditions, " AND ")}` : empty;
  const rows = await db.$queryRaw<UsageListRow[]>`
    SELECT u."id", u."email", u."name", u."role", u."status", u."createdAt", ${tokens} AS "tokens"
    FROM "User" u
    LEFT JOIN (
      SELECT "userId", SUM("inputTokens" + "outputTokens") AS "tokens" FROM "TokenUsage" WHERE "day" >= ${fromDay} GROUP BY "userId"
    ) t ON t."userId" = u."id"
    ${where}
    ORDER BY ${tokens} DESC, u."id" ASC
    LIMIT ${take}`;
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    createdAt: dateFromRow(row.createdAt),
    tokens: Number(row.tokens ?? 0),
  }));
}
