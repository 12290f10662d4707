import "server-only";
import { db } from "@/lib/db/client";

export type Ceremony = "registration" | "authentication";

export async function createChallenge(input: { challenge: string; ceremony: Ceremony; userId: string | null; expiresAt: Date }) {
  // Expired challenges nobody used are swept here, so the table stays as small as the traffic of the last minutes.
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  await db.webAuthnChallenge.create({ data: input });
}

// Single use, atomically: the delete is the check. A replayed response, a challenge of the other ceremony or
// of another user, and an expired one all delete nothing, so a second request always finds nothing.
export async function consumeChallenge(input: { challenge: string; ceremony: Ceremony; userId: string | null }): Promise<boolean> {
  const { count } = await db.webAuthnChallenge.deleteMany({
    where: { challenge: input.challenge, ceremony: input.ceremony, userId: input.userId, expiresAt: { gt: new Date() } },
  });
  return count === 1;
}
