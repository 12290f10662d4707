import "server-only";
import { db } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";

// `client`: a transaction's client, so a removal can count and delete under one lock.
export type WaysInClient = Pick<Db, "account" | "passkey" | "user">;

// The ways a user can still sign in: accounts at providers that are configured now, passkeys, and a
// verified email when magic links are on. Removing the last one would lock the user out, so callers refuse it.
export async function countWaysIn(
  { userId, emailSignInEnabled, providers }: { userId: string; emailSignInEnabled: boolean; providers: string[] },
  client: WaysInClient = db,
) {
  const [accounts, passkeys, user] = await Promise.all([
    client.account.count({ where: { userId, provider: { in: providers } } }),
    client.passkey.count({ where: { userId } }),
    client.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } }),
  ]);
  const email = emailSignInEnabled && user?.email && user.emailVerified ? 1 : 0;
  return { accounts, passkeys, email, total: accounts + passkeys + email };
}
