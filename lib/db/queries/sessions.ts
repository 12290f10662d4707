import "server-only";
import { db, direct } from "@/lib/db/client";
import { dateFromRow, optionalDateFromRow } from "@/lib/db/raw-row";

// Session rows are looked up by the SHA-256 of the cookie's token; callers pass the digest.

export async function createSessionRow(input: {
  tokenHash: string;
  userId: string;
  expires: Date;
  ip: string | null;
  userAgent: string | null;
  method: string | null;
}) {
  // A sign-in is when the user was last seen.
  const [session] = await Promise.all([
    db.session.create({
      data: {
        sessionToken: input.tokenHash,
        userId: input.userId,
        expires: input.expires,
        ip: input.ip,
        userAgent: input.userAgent,
        method: input.method,
      },
    }),
    db.user.updateMany({ where: { id: input.userId }, data: { lastSeenAt: new Date() } }),
  ]);
  return session;
}

export type SessionWithUser = {
  id: string;
  userId: string;
  expires: Date;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  ip: string | null;
  method: string | null;
  user: {
    id: string;
    name: string | null;
    email: string | null;
    emailVerified: Date | null;
    image: string | null;
    role: string;
    status: string;
    suspendedReason: string | null;
    approvedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
    tokenBudget: string | null;
  };
};

type SessionUserRow = Omit<SessionWithUser, "user" | "expires" | "createdAt" | "lastSeenAt"> & {
  expires: unknown;
  createdAt: unknown;
  lastSeenAt: unknown;
  userName: string | null;
  userEmail: string | null;
  userEmailVerified: unknown;
  userImage: string | null;
  userRole: string;
  userStatus: string;
  userSuspendedReason: string | null;
  userApprovedAt: unknown;
  userCreatedAt: unknown;
  userUpdatedAt: unknown;
  userTokenBudget: string | null;
};

// Every page and session route asks this, so it is one statement (it carries the user's role and status, so
// a suspension or approval counts from the next request on every instance), a join through the unique index: the
// ORM's findUnique with `include` makes two queries and cost about 2.5× the server time (docs/benchmarks.md).
// tests/unit/raw-queries.test.ts holds it to what the ORM returns.
export async function findSessionWithUser({ tokenHash }: { tokenHash: string }): Promise<SessionWithUser | null> {
  const rows = await direct.rows<SessionUserRow>`
    SELECT s."id", s."userId", s."expires", s."createdAt", s."lastSeenAt", s."userAgent", s."ip", s."method",
           u."name" AS "userName", u."email" AS "userEmail", u."emailVerified" AS "userEmailVerified",
           u."image" AS "userImage", u."role" AS "userRole", u."status" AS "userStatus",
           u."suspendedReason" AS "userSuspendedReason", u."approvedAt" AS "userApprovedAt",
           u."createdAt" AS "userCreatedAt", u."updatedAt" AS "userUpdatedAt", u."tokenBudget" AS "userTokenBudget"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."sessionToken" = ${tokenHash}`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    userId: row.userId,
    expires: dateFromRow(row.expires),
    createdAt: dateFromRow(row.createdAt),
    lastSeenAt: dateFromRow(row.lastSeenAt),
    userAgent: row.userAgent,
    ip: row.ip,
    method: row.method,
    user: {
      id: row.userId,
      name: row.userName,
      email: row.userEmail,
      emailVerified: optionalDateFromRow(row.userEmailVerified),
      image: row.userImage,
      role: row.userRole,
      status: row.userStatus,
      suspendedReason: row.userSuspendedReason,
      approvedAt: optionalDateFromRow(row.userApprovedAt),
      createdAt: dateFromRow(row.userCreatedAt),
      updatedAt: dateFromRow(row.userUpdatedAt),
      tokenBudget: row.userTokenBudget,
    },
  };
}

// The user's own lastSeenAt moves with it (the admin console sorts by it), at the same once-a-minute pace.
export async function touchSession({ id, userId, lastSeenAt }: { id: string; userId: string; lastSeenAt: Date }) {
  await Promise.all([db.session.updateMany({ where: { id }, data: { lastSeenAt } }), db.user.updateMany({ where: { id: userId }, data: { lastSeenAt } })]);
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
