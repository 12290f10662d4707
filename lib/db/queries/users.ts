import "server-only";
import { db } from "@/lib/db/client";

export async function findUserEmail({ userId }: { userId: string }): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  return user?.email ?? null;
}

export async function findUserStanding({ userId }: { userId: string }) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, status: true, suspendedReason: true } });
}

export async function isFirstAccountClaimed(): Promise<boolean> {
  return (await db.instanceClaim.count({ where: { name: "first_account" } })) > 0;
}

type NewUser = { name?: string | null; email?: string | null; emailVerified?: Date | null; image?: string | null };

// Creates the user and decides their role and status in one transaction. The first-account claim is an
// INSERT on a primary key, so of two first sign-ins at once (on any number of instances) exactly one wins:
// PostgreSQL makes the second wait for the first to commit and then skips it; SQLite runs them in turn.
export async function createUserWithStanding(
  data: NewUser,
  decide: (facts: { firstAccount: boolean }) => { role: string; status: string } | null,
) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { ...data, role: "member", status: "pending" } });
    const claimed = await tx.$executeRaw`
      INSERT INTO "InstanceClaim" ("name", "userId", "createdAt") VALUES ('first_account', ${user.id}, ${new Date()})
      ON CONFLICT ("name") DO NOTHING`;
    const standing = decide({ firstAccount: claimed === 1 });
    // Throwing rolls back the user and the claim together.
    if (!standing) throw new SignUpRefusedError();
    const now = new Date();
    return tx.user.update({
      where: { id: user.id },
      data: { role: standing.role, status: standing.status, approvedAt: standing.status === "active" ? now : null },
    });
  });
}

export class SignUpRefusedError extends Error {
  override name = "SignUpRefusedError";
}

export async function findUserById({ id }: { id: string }) {
  return db.user.findUnique({ where: { id }, select: { id: true, status: true } });
}
