import "server-only";
import { db } from "@/lib/db/client";

export const USAGE_SOURCES = ["chat", "api_key", "oauth", "mcp"] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

export type UsageRow = { day: string; model: string; source: string; requests: number; inputTokens: number; outputTokens: number; estimated: number };

// One statement per reply, atomic on both engines (parallel replies of one user add up).
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
  await db.$executeRaw`
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
