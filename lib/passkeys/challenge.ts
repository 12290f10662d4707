import "server-only";
import { decodeClientDataJSON } from "@simplewebauthn/server/helpers";
import { consumeChallenge, createChallenge, type Ceremony } from "@/lib/db/queries/webauthn-challenges";
import { CHALLENGE_TTL_MS } from "./relying-party";
import { passkeyErrors } from "./errors";

export async function storeChallenge(input: { challenge: string; ceremony: Ceremony; userId: string | null }) {
  await createChallenge({ ...input, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) });
}

// Delete, then verify: the challenge the browser signed is spent before any other check runs, so a
// replayed or retried response can never find it again, whatever the outcome of this attempt.
export async function spendChallenge(input: { clientDataJSON: string; ceremony: Ceremony; userId: string | null }): Promise<string> {
  let challenge: unknown;
  try {
    challenge = decodeClientDataJSON(input.clientDataJSON).challenge;
  } catch {
    throw passkeyErrors.challenge();
  }
  if (typeof challenge !== "string" || challenge.length === 0 || challenge.length > 256) throw passkeyErrors.challenge();
  const spent = await consumeChallenge({ challenge, ceremony: input.ceremony, userId: input.userId });
  if (!spent) throw passkeyErrors.challenge();
  return challenge;
}
