import "server-only";
import { db } from "@/lib/db/client";
import { removeWayInLocked } from "./user-lock";
import type { WaysInClient } from "./ways-in";

// Provider accounts linked to users (Google, GitHub, OIDC). Rows hold the provider's id for the person
// and what to show in settings; never provider tokens.

const listed = { id: true, provider: true, email: true, login: true, createdAt: true } as const;

export async function listLinkedAccounts({ userId }: { userId: string }) {
  return db.account.findMany({
    where: { userId, type: { in: ["oauth", "oidc"] } },
    orderBy: { createdAt: "asc" },
    select: listed,
  });
}

// Who, if anyone, this provider account already belongs to.
export async function findAccountOwnerId({ provider, providerAccountId }: { provider: string; providerAccountId: string }) {
  const row = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  return row?.userId ?? null;
}

// The user an address belongs to, for the verified-email linking rule. Addresses are stored lowercased.
export async function findUserIdByEmail({ email }: { email: string }) {
  const row = await db.user.findUnique({ where: { email }, select: { id: true } });
  return row?.id ?? null;
}

type RemoveInput = { id: string; userId: string; beforeDelete: (tx: WaysInClient) => Promise<void> };

// Deletes the user's account row under the user's lock, with `beforeDelete` (the last-way-in check) run
// under that lock first (lib/db/queries/user-lock.ts). PostgreSQL holds the row lock until commit; SQLite
// serialises writers.
export async function deleteLinkedAccount({ id, userId, beforeDelete }: RemoveInput) {
  return removeWayInLocked(userId, {
    find: (tx) => tx.account.findFirst({ where: { id, userId, type: { in: ["oauth", "oidc"] } }, select: listed }),
    beforeDelete,
    remove: (tx, rowId) => tx.account.delete({ where: { id: rowId } }),
  });
}
