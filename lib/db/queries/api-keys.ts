import "server-only";
import { db, direct } from "@/lib/db/client";
import { optionalDateFromRow } from "@/lib/db/raw-row";

export const USAGE_WINDOW_DAYS = 30;

const publicFields = {
  id: true,
  name: true,
  prefix: true,
  lastFour: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
} as const;

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  lastFour: string;
  scopes: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};
export type ApiKeyUsageRow = { day: string; requests: number; inputTokens: number; outputTokens: number };

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export async function createApiKey(input: {
  userId: string;
  name: string;
  scopes: string;
  expiresAt: Date;
  prefix: string;
  lastFour: string;
  hash: string;
}): Promise<ApiKeyRow> {
  return db.apiKey.create({ data: input, select: publicFields });
}

export async function countActiveApiKeys({ userId }: { userId: string }): Promise<number> {
  return db.apiKey.count({ where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });
}

// Newest first, with each key's usage over the last USAGE_WINDOW_DAYS (UTC days), oldest day first.
export async function listApiKeysWithUsage({ userId, now }: { userId: string; now: Date }): Promise<{ row: ApiKeyRow; days: ApiKeyUsageRow[] }[]> {
  const rows = await db.apiKey.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: publicFields });
  if (rows.length === 0) return [];
  const since = utcDay(new Date(now.getTime() - (USAGE_WINDOW_DAYS - 1) * 86_400_000));
  const usage = await db.apiKeyUsage.findMany({
    where: { apiKeyId: { in: rows.map((row) => row.id) }, day: { gte: since }, apiKey: { userId } },
    orderBy: { day: "asc" },
  });
  return rows.map((row) => ({
    row,
    days: usage.filter((u) => u.apiKeyId === row.id).map(({ day, requests, inputTokens, outputTokens }) => ({ day, requests, inputTokens, outputTokens })),
  }));
}

// Idempotent: revoking a revoked key of yours succeeds; someone else's key is "not found".
export async function revokeApiKey({ id, userId }: { id: string; userId: string }): Promise<{ name: string; revokedNow: boolean } | null> {
  const key = await db.apiKey.findFirst({ where: { id, userId }, select: { name: true, revokedAt: true } });
  if (!key) return null;
  if (key.revokedAt) return { name: key.name, revokedNow: false };
  const { count } = await db.apiKey.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return { name: key.name, revokedNow: count === 1 };
}

// The presented key's row; scopes as stored (space-separated), parsed by lib/api-keys.
export type ApiKeyCredentialRow = {
  id: string;
  userId: string;
  scopes: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  // The owner's status (lib/auth/roles.ts), read in the same statement: a suspension stops the key at once.
  userStatus: string;
  // The owner's own token budget (lib/budgets/policy.ts), so the budget check needs no statement of its own.
  userTokenBudget: string | null;
};

type PrincipalRow = { id: string; userId: string; scopes: string; expiresAt: unknown; revokedAt: unknown; lastUsedAt: unknown; lastUsedIp: string | null; userStatus: string; userTokenBudget: string | null };

// The one query not scoped by owner: the presented key's hash is what identifies the owner. It runs on
// every API request, as SQL through the unique index: the ORM's findUnique cost about twice the server time
// (docs/benchmarks.md). tests/unit/raw-queries.test.ts holds it to what the ORM returns.
export async function findApiKeyByHash({ hash }: { hash: string }): Promise<ApiKeyCredentialRow | null> {
  const rows = await direct.rows<PrincipalRow>`
    SELECT k."id", k."userId", k."scopes", k."expiresAt", k."revokedAt", k."lastUsedAt", k."lastUsedIp", u."status" AS "userStatus", u."tokenBudget" AS "userTokenBudget"
    FROM "ApiKey" k JOIN "User" u ON u."id" = k."userId"
    WHERE k."hash" = ${hash}`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    userId: row.userId,
    scopes: row.scopes,
    expiresAt: optionalDateFromRow(row.expiresAt),
    revokedAt: optionalDateFromRow(row.revokedAt),
    lastUsedAt: optionalDateFromRow(row.lastUsedAt),
    lastUsedIp: row.lastUsedIp,
    userStatus: row.userStatus,
    userTokenBudget: row.userTokenBudget,
  };
}

// Compare-and-set on the last address, so a burst of requests from a new one reports it once:
// true when this call made the change.
export async function touchApiKey(input: { id: string; userId: string; previousIp: string | null; ip: string | null; at: Date }): Promise<boolean> {
  const { id, userId, previousIp, ip, at } = input;
  const { count } = await db.apiKey.updateMany({ where: { id, userId, lastUsedIp: previousIp }, data: { lastUsedAt: at, lastUsedIp: ip } });
  return count === 1;
}

// Runs on every API request: one atomic INSERT … ON CONFLICT, the same SQL on both engines. Prisma's
// upsert compiles to the same statement but measured about 3× slower here (0.2–0.6 ms vs 1–1.6 ms).
export async function recordApiKeyUsage(input: { apiKeyId: string; day: string; inputTokens: number; outputTokens: number }) {
  const { apiKeyId, day, inputTokens, outputTokens } = input;
  await direct.execute`
    INSERT INTO "ApiKeyUsage" ("apiKeyId", "day", "requests", "inputTokens", "outputTokens")
    VALUES (${apiKeyId}, ${day}, 1, ${inputTokens}, ${outputTokens})
    ON CONFLICT ("apiKeyId", "day") DO UPDATE SET
      "requests" = "ApiKeyUsage"."requests" + 1,
      "inputTokens" = "ApiKeyUsage"."inputTokens" + ${inputTokens},
      "outputTokens" = "ApiKeyUsage"."outputTokens" + ${outputTokens}`;
}
