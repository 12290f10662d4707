import "server-only";
import { db } from "@/lib/db/client";

// The ways a user can still sign in: linked providers, passkeys, and a verified email when magic
// links are on. Removing the last one would lock the user out, so callers refuse it.
export async function countWaysIn({ userId, emailSignInEnabled }: { userId: string; emailSignInEnabled: boolean }) {
  const [accounts, passkeys, user] = await Promise.all([
    db.account.count({ where: { userId } }),
    db.passkey.count({ where: { userId } }),
    db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } }),
  ]);
  const email = emailSignInEnabled && user?.email && user.emailVerified ? 1 : 0;
  return { accounts, passkeys, email, total: accounts + passkeys + email };
}
