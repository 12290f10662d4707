import "server-only";
import { db } from "@/lib/db/client";

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

// Runs `work` in a transaction that first writes the user's row, so that changes to one user's ways in
// (unlinking an account, removing a passkey) run one after the other on SQLite and PostgreSQL alike,
// and a check made inside sees what the other one did.
export function withUserLocked<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { updatedAt: new Date() }, select: { id: true } });
    return work(tx);
  });
}

// Removes one way in (a linked account, a passkey) under the user's lock: the row is found, `beforeDelete`
// (the last-way-in check, given the transaction's client) runs, then the row goes. Two removals at once are
// checked one after the other and cannot both pass the check. null: no such row of this user.
export function removeWayInLocked<T extends { id: string }>(
  userId: string,
  steps: { find: (tx: Tx) => Promise<T | null>; beforeDelete: (tx: Tx) => Promise<void>; remove: (tx: Tx, id: string) => Promise<unknown> },
): Promise<T | null> {
  return withUserLocked(userId, async (tx) => {
    const row = await steps.find(tx);
    if (!row) return null;
    await steps.beforeDelete(tx);
    await steps.remove(tx, row.id);
    return row;
  });
}
