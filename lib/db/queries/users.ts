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
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Standing = { role: string; status: string };

// Creates the user and decides their role and status in one transaction (`outer`, when the caller has one
// open). The first-account claim is an INSERT on a primary key, so of two first sign-ups at once (on any
// number of instances) exactly one wins: PostgreSQL makes the second wait for the first to commit and then
// skips it; SQLite runs them in turn. `decide` gets the transaction for writes that must share its fate
// (using up an invitation).
export async function createUserWithStanding(
  data: NewUser,
  decide: (facts: { firstAccount: boolean; userId: string; tx: Tx }) => Standing | null | Promise<Standing | null>,
  outer?: Tx,
) {
  const work = async (tx: Tx) => {
    const user = await tx.user.create({ data: { ...data, role: "member", status: "pending" } });
    const claimed = await tx.$executeRaw`
      INSERT INTO "InstanceClaim" ("name", "userId", "createdAt") VALUES ('first_account', ${user.id}, ${new Date()})
      ON CONFLICT ("name") DO NOTHING`;
    const standing = await decide({ firstAccount: claimed === 1, userId: user.id, tx });
    // Throwing rolls back the user and the claim together.
    if (!standing) throw new SignUpRefusedError();
    const now = new Date();
    return tx.user.update({
      where: { id: user.id },
      data: { role: standing.role, status: standing.status, approvedAt: standing.status === "active" ? now : null },
    });
  };
  return outer ? work(outer) : db.$transaction(work);
}

export class SignUpRefusedError extends Error {
  override name = "SignUpRefusedError";
}

export async function findUserById({ id }: { id: string }) {
  return db.user.findUnique({ where: { id }, select: { id: true, status: true } });
}
