import "server-only";
import { db } from "@/lib/db/client";

// Everything Keyline holds about one user, without secrets (token and key hashes, passkey public keys).
export async function exportUserData({ userId }: { userId: string }) {
  const [user, accounts, sessions, passkeys, threads, apiKeys, securityEvents, shares] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, image: true, emailVerified: true, createdAt: true } }),
    db.account.findMany({ where: { userId }, select: { provider: true, email: true, login: true, createdAt: true } }),
    db.session.findMany({ where: { userId }, select: { id: true, createdAt: true, lastSeenAt: true, expires: true, userAgent: true, ip: true, method: true } }),
    db.passkey.findMany({ where: { userId }, select: { id: true, name: true, deviceType: true, backedUp: true, createdAt: true, lastUsedAt: true } }),
    db.thread.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, title: true, model: true, createdAt: true, updatedAt: true,
        messages: { where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, role: true, parts: true, status: true, model: true, createdAt: true } },
      },
    }),
    db.apiKey.findMany({
      where: { userId },
      select: { id: true, name: true, prefix: true, lastFour: true, scopes: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true, lastUsedIp: true, usage: { select: { day: true, requests: true, inputTokens: true, outputTokens: true } } },
    }),
    db.securityEvent.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { type: true, ip: true, userAgent: true, detail: true, createdAt: true } }),
    // Share links without their token hash (the link itself exists only in what the owner copied).
    db.share.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, threadId: true, title: true, messageCount: true, ownerName: true, createdAt: true, expiresAt: true, revokedAt: true, views: true },
    }),
  ]);
  return { exportedAt: new Date().toISOString(), user, accounts, sessions, passkeys, threads, apiKeys, securityEvents, shares };
}

// Cascades remove sessions, accounts, passkeys, challenges, threads, messages, keys and events;
// pending magic links for the address go too.
export async function deleteUserAccount({ userId }: { userId: string }) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  await db.$transaction([
    ...(user?.email ? [db.verificationToken.deleteMany({ where: { identifier: user.email } })] : []),
    db.user.deleteMany({ where: { id: userId } }),
  ]);
}
