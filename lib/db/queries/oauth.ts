import "server-only";
import { db, direct } from "@/lib/db/client";
import { optionalDateFromRow } from "@/lib/db/raw-row";

// oidc-provider's records and signing keys (lib/oauth). Records are addressed by kind and the SHA-256 of
// their id; the callers hash.

export type OAuthRecordRow = { payload: string; expiresAt: Date | null; consumedAt: Date | null; userId: string | null };

const recordFields = { payload: true, expiresAt: true, consumedAt: true, userId: true } as const;

export async function upsertOAuthRecord(input: {
  kind: string;
  idHash: string;
  payload: string;
  grantId: string | null;
  userId: string | null;
  uidHash: string | null;
  userCode: string | null;
  expiresAt: Date | null;
}) {
  const { kind, idHash, ...data } = input;
  await db.oAuthRecord.upsert({ where: { kind_idHash: { kind, idHash } }, create: { kind, idHash, ...data }, update: data });
}

export async function findOAuthRecord({ kind, idHash }: { kind: string; idHash: string }): Promise<OAuthRecordRow | null> {
  return db.oAuthRecord.findUnique({ where: { kind_idHash: { kind, idHash } }, select: recordFields });
}

export async function findOAuthRecordBy(where: { kind: string; uidHash: string } | { kind: string; userCode: string }) {
  return db.oAuthRecord.findFirst({ where, select: { ...recordFields, idHash: true } });
}

// The device page: the first account to enter a user code holds the code (lib/oauth/device.ts). True when
// this user holds it now.
export async function claimDeviceCode({ userCodeHash, userId }: { userCodeHash: string; userId: string }): Promise<boolean> {
  const { count } = await db.oAuthRecord.updateMany({
    where: { kind: "DeviceCode", userCode: userCodeHash, OR: [{ userId: null }, { userId }] },
    data: { userId },
  });
  return count > 0;
}

export async function consumeOAuthRecord({ kind, idHash, at }: { kind: string; idHash: string; at: Date }) {
  await db.oAuthRecord.updateMany({ where: { kind, idHash }, data: { consumedAt: at } });
}

export async function deleteOAuthRecord({ kind, idHash }: { kind: string; idHash: string }) {
  await db.oAuthRecord.deleteMany({ where: { kind, idHash } });
}

export async function deleteOAuthRecordsOfGrant({ kind, grantId }: { kind: string; grantId: string }) {
  await db.oAuthRecord.deleteMany({ where: { kind, grantId } });
}

// The check every access token gets on every request (lib/oauth/verify-access-token.ts): the grant row
// exists (revocation deletes it; deleting the user cascades to it) and has not expired.
type LiveGrantRow = { userId: string | null; lastUsedAt: unknown; lastUsedIp: string | null; userStatus: string | null; userTokenBudget: string | null };

// Every request with an access token (/v1 and /mcp) asks this, so revoking a grant stops its tokens on
// the next request: one joined statement straight to the driver (lib/db/direct.ts), as the API-key
// lookup. tests/unit/raw-queries.test.ts holds it to what the ORM returns.
export async function findLiveGrant({ grantId, now }: { grantId: string; now: Date }) {
  const rows = await direct.rows<LiveGrantRow>`
    SELECT g."userId", g."lastUsedAt", g."lastUsedIp", u."status" AS "userStatus", u."tokenBudget" AS "userTokenBudget"
    FROM "OAuthRecord" g LEFT JOIN "User" u ON u."id" = g."userId"
    WHERE g."kind" = 'Grant' AND g."grantId" = ${grantId} AND (g."expiresAt" IS NULL OR g."expiresAt" > ${now})
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.userId,
    lastUsedAt: optionalDateFromRow(row.lastUsedAt),
    lastUsedIp: row.lastUsedIp,
    user: row.userStatus === null ? null : { status: row.userStatus, tokenBudget: row.userTokenBudget },
  };
}

export async function touchGrant({ grantId, ip, at }: { grantId: string; ip: string | null; at: Date }) {
  await db.oAuthRecord.updateMany({ where: { kind: "Grant", grantId }, data: { lastUsedAt: at, lastUsedIp: ip } });
}

// Connected apps: a user's grants, newest first.
export async function listUserGrants({ userId, now }: { userId: string; now: Date }) {
  return db.oAuthRecord.findMany({
    where: { kind: "Grant", userId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
    select: { grantId: true, payload: true, createdAt: true, lastUsedAt: true, lastUsedIp: true },
  });
}

export async function findUserGrant({ userId, grantId }: { userId: string; grantId: string }) {
  return db.oAuthRecord.findFirst({ where: { kind: "Grant", userId, grantId }, select: { grantId: true, payload: true } });
}

// Revoking a grant takes its tokens and codes with it, in one statement.
export async function deleteUserGrant({ userId, grantId }: { userId: string; grantId: string }): Promise<number> {
  const grant = await db.oAuthRecord.findFirst({ where: { kind: "Grant", userId, grantId }, select: { grantId: true } });
  if (!grant) return 0;
  const { count } = await db.oAuthRecord.deleteMany({ where: { grantId } });
  return count;
}

// Disconnect all: every grant of this user with its tokens and codes, in one statement. The number of grants.
export async function deleteAllUserGrants({ userId }: { userId: string }): Promise<number> {
  const grants = await db.oAuthRecord.findMany({ where: { kind: "Grant", userId }, select: { grantId: true } });
  const ids = grants.map((grant) => grant.grantId).filter((id): id is string => Boolean(id));
  if (ids.length === 0) return 0;
  await db.oAuthRecord.deleteMany({ where: { grantId: { in: ids } } });
  return ids.length;
}

export async function listSigningKeys({ retiredAfter }: { retiredAfter: Date }) {
  return db.oAuthSigningKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: retiredAfter } }] },
    orderBy: { createdAt: "desc" },
  });
}

export async function findSigningKey({ kid }: { kid: string }) {
  return db.oAuthSigningKey.findUnique({ where: { kid }, select: { kid: true, alg: true, publicJwk: true, retiredAt: true } });
}

export async function createSigningKey(input: { kid: string; alg: string; publicJwk: string; privateJwk: string; createdAt: Date }) {
  await db.oAuthSigningKey.create({ data: input });
}

export async function retireSigningKeysExcept({ kid, at }: { kid: string; at: Date }) {
  await db.oAuthSigningKey.updateMany({ where: { kid: { not: kid }, retiredAt: null }, data: { retiredAt: at } });
}

export async function retireSigningKeysCreatedBefore({ before, at }: { before: Date; at: Date }): Promise<number> {
  const { count } = await db.oAuthSigningKey.updateMany({ where: { retiredAt: null, createdAt: { lt: before } }, data: { retiredAt: at } });
  return count;
}
