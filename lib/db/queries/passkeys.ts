import "server-only";
import { db } from "@/lib/db/client";
import { removeWayInLocked } from "./user-lock";
import type { WaysInClient } from "./ways-in";

const listFields = {
  id: true,
  name: true,
  deviceType: true,
  backedUp: true,
  createdAt: true,
  lastUsedAt: true,
} as const;

export async function listPasskeys({ userId }: { userId: string }) {
  return db.passkey.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: listFields });
}

export async function findPasskey({ id, userId }: { id: string; userId: string }) {
  return db.passkey.findFirst({ where: { id, userId }, select: listFields });
}

// For excludeCredentials: every credential the user already has, so one authenticator is registered once.
export async function listCredentialDescriptors({ userId }: { userId: string }) {
  const rows = await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  return rows.map((row) => ({ id: row.credentialId, transports: splitTransports(row.transports) }));
}

// The sign-in lookup: the credential id is all a discoverable sign-in knows before it is verified, as a
// session token is for sessions. The caller then checks that the credential's owner matches the userHandle.
export async function findPasskeyForSignIn({ credentialId }: { credentialId: string }) {
  const row = await db.passkey.findUnique({
    where: { credentialId },
    select: { id: true, userId: true, credentialId: true, publicKey: true, counter: true, transports: true, name: true },
  });
  return row ? { ...row, counter: Number(row.counter), transports: splitTransports(row.transports) } : null;
}

export async function credentialExists({ credentialId }: { credentialId: string }) {
  return (await db.passkey.count({ where: { credentialId } })) > 0;
}

export async function createPasskey(input: {
  userId: string;
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
  name: string;
}) {
  return db.passkey.create({
    data: {
      ...input,
      publicKey: Buffer.from(input.publicKey),
      counter: BigInt(input.counter),
      transports: input.transports.join(","),
    },
    select: listFields,
  });
}

// Compare-and-set on the stored counter: two sign-ins racing with the same assertion state cannot both win,
// and the counter never moves backwards.
export async function recordPasskeyUse(input: { id: string; userId: string; previousCounter: number; newCounter: number; backedUp: boolean }) {
  const { count } = await db.passkey.updateMany({
    where: { id: input.id, userId: input.userId, counter: BigInt(input.previousCounter) },
    data: { counter: BigInt(input.newCounter), backedUp: input.backedUp, lastUsedAt: new Date() },
  });
  return count === 1;
}

export async function renamePasskey({ id, userId, name }: { id: string; userId: string; name: string }) {
  const { count } = await db.passkey.updateMany({ where: { id, userId }, data: { name } });
  return count === 1;
}

type RemoveInput = { id: string; userId: string; beforeDelete: (tx: WaysInClient) => Promise<void> };

// Under the user's lock, like deleteLinkedAccount: two removals at once (a passkey here, an account
// there) are checked one after the other and cannot both pass the last-way-in check.
export async function deletePasskey({ id, userId, beforeDelete }: RemoveInput) {
  return removeWayInLocked(userId, {
    find: (tx) => tx.passkey.findFirst({ where: { id, userId }, select: { id: true, name: true } }),
    beforeDelete,
    remove: (tx, rowId) => tx.passkey.delete({ where: { id: rowId } }),
  });
}

function splitTransports(value: string): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}
