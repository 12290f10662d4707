import "server-only";
import { db } from "@/lib/db/client";

// The budget counter: one row per user, changed only by single INSERT … ON CONFLICT / UPDATE statements,
// the same SQL on SQLite and PostgreSQL and atomic on both, so parallel requests on any number of
// instances see each other's reservations.

// Adds `tokens` to the user's count in the window starting at windowStart (a later window starts it again
// from zero) when the count so far is under `limit`. Returns the new count, or null when the user was
// already at or over the limit in this window (nothing was added).
export async function reserveBudgetTokens(input: { userId: string; windowStart: number; tokens: number; limit: number }): Promise<number | null> {
  const { userId, tokens, limit } = input;
  const windowStart = BigInt(input.windowStart);
  const rows = await db.$queryRaw<{ used: number | bigint }[]>`
    INSERT INTO "TokenBudgetCounter" ("userId", "windowStart", "used") VALUES (${userId}, ${windowStart}, ${tokens})
    ON CONFLICT ("userId") DO UPDATE SET
      "used" = CASE WHEN "TokenBudgetCounter"."windowStart" < excluded."windowStart" THEN excluded."used" ELSE "TokenBudgetCounter"."used" + excluded."used" END,
      "windowStart" = CASE WHEN "TokenBudgetCounter"."windowStart" < excluded."windowStart" THEN excluded."windowStart" ELSE "TokenBudgetCounter"."windowStart" END
    WHERE "TokenBudgetCounter"."windowStart" < excluded."windowStart" OR "TokenBudgetCounter"."used" < ${limit}
    RETURNING "used"`;
  const row = rows[0];
  return row ? Number(row.used) : null;
}

// Replaces a reservation by what the reply really used. A window that has rolled over meanwhile is left
// alone: the tokens were spent in the one before.
export async function adjustBudgetTokens(input: { userId: string; windowStart: number; delta: number }): Promise<void> {
  if (input.delta === 0) return;
  await db.$executeRaw`
    UPDATE "TokenBudgetCounter" SET "used" = CASE WHEN "used" + ${input.delta} < 0 THEN 0 ELSE "used" + ${input.delta} END
    WHERE "userId" = ${input.userId} AND "windowStart" = ${BigInt(input.windowStart)}`;
}

// The count in the current window (0 when the row is from an earlier one or missing).
export async function budgetTokensUsed({ userId, windowStart }: { userId: string; windowStart: number }): Promise<number> {
  const row = await db.tokenBudgetCounter.findUnique({ where: { userId }, select: { windowStart: true, used: true } });
  return row && Number(row.windowStart) === windowStart ? row.used : 0;
}
