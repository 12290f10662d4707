import "server-only";
import { db } from "@/lib/db/client";

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
export async function findLiveGrant({ grantId, now }: { grantId: string; now: Date }) {
  return db.oAuthRecord.findFirst({
    where: { kind: "Grant", grantId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { userId: true, lastUsedAt: true, lastUsedIp: true, user: { select: { status: true, tokenBudget: true } } },
  });
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

export async function listSigningKeys({ retiredAfter }: { retiredAfter: Date }) {
  return db.oAuthSigningKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: retiredAfter } }] },
    orderBy: { createdAt: "desc" },
  });
}

export async function findSigningKey({ kid }: { kid: string }) {
  return db.oAuthSigningKey.findUnique({ where: { kid }, select: { kid: true, alg: true, publicJwk: true, retiredAt: true } });
}

export async function createSigningKey(input: { kid: string; alg: string; publicJwk: string; privateJwk: string }) {
  await db.oAuthSigningKey.create({ data: input });
}

export async function retireSigningKeysExcept({ kid, at }: { kid: string; at: Date }) {
  await db.oAuthSigningKey.updateMany({ where: { kid: { not: kid }, retiredAt: null }, data: { retiredAt: at } });
}
