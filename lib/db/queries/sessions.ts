import "server-only";
import { db } from "@/lib/db/client";

// Session rows are looked up by the SHA-256 of the cookie's token; callers pass the digest.

export async function createSessionRow(input: {
  tokenHash: string;
  userId: string;
  expires: Date;
  ip: string | null;
  userAgent: string | null;
  method: string | null;
}) {
  return db.session.create({
    data: {
      sessionToken: input.tokenHash,
      userId: input.userId,
      expires: input.expires,
      ip: input.ip,
      userAgent: input.userAgent,
      method: input.method,
    },
  });
}

export async function findSessionWithUser({ tokenHash }: { tokenHash: string }) {
  return db.session.findUnique({ where: { sessionToken: tokenHash }, include: { user: true } });
}

export async function touchSession({ id, lastSeenAt }: { id: string; lastSeenAt: Date }) {
  await db.session.updateMany({ where: { id }, data: { lastSeenAt } });
}

export async function deleteSessionByHash({ tokenHash }: { tokenHash: string }) {
  await db.session.deleteMany({ where: { sessionToken: tokenHash } });
}

export async function listUserSessions({ userId }: { userId: string }) {
  return db.session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, expires: true, userAgent: true, ip: true, method: true },
  });
}

export async function deleteUserSession({ userId, id }: { userId: string; id: string }) {
  const { count } = await db.session.deleteMany({ where: { id, userId } });
  return count;
}

export async function deleteUserSessionsExcept({ userId, exceptId }: { userId: string; exceptId: string }) {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: exceptId } } });
  return count;
}

export async function deleteAllUserSessions({ userId }: { userId: string }) {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
