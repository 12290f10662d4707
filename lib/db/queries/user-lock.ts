import "server-only";
import { db } from "@/lib/db/client";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

// Runs `work` in a transaction that first writes the user's row, so that changes to one user's ways in
// (unlinking an account, removing a passkey) run one after the other on SQLite and PostgreSQL alike,
// and a check made inside sees what the other one did.
export function withUserLocked<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { updatedAt: new Date() }, select: { id: true } });
    return work(tx);
  });
}
