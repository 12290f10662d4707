import "server-only";
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import { isoBase64URL, parseAuthenticatorData } from "@simplewebauthn/server/helpers";
import type { z } from "zod";
import { findPasskeyForSignIn, recordPasskeyUse } from "@/lib/db/queries/passkeys";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import type { RequestInfo } from "@/lib/http/request-info";
import type { authenticationResponse } from "@/lib/validations/passkeys";
import { spendChallenge, storeChallenge } from "./challenge";
import { passkeyErrors } from "./errors";
import { CEREMONY_TIMEOUT_MS, relyingParty } from "./relying-party";
import { userHandleMatches } from "./user-handle";

// Discoverable credentials only: no allowCredentials, so nobody learns whether an email has passkeys.
export async function beginAuthentication() {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty.id,
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: "required",
  });
  await storeChallenge({ challenge: options.challenge, ceremony: "authentication", userId: null });
  return options;
}

// Returns the signed-in user's id; every refusal is an AppError with a message for the person.
export async function completeAuthentication(input: {
  response: z.infer<typeof authenticationResponse>;
  request: RequestInfo;
}): Promise<{ userId: string; passkeyId: string }> {
  const { response, request } = input;
  const challenge = await spendChallenge({
    clientDataJSON: response.response.clientDataJSON,
    ceremony: "authentication",
    userId: null,
  });

  const passkey = await findPasskeyForSignIn({ credentialId: response.id });
  if (!passkey) throw passkeyErrors.unknown();
  // The user handle is not covered by the signature: it must name the credential's own user.
  if (!userHandleMatches(response.response.userHandle, passkey.userId)) {
    await recordFailure(passkey.userId, request, "user_handle_mismatch");
    throw passkeyErrors.userMismatch();
  }

  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: relyingParty.origin,
      expectedRPID: relyingParty.id,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: true,
    });
  } catch (error) {
    const counterRegressed = counterWentBackwards(response.response.authenticatorData, passkey.counter);
    console.warn(`[passkeys] sign-in refused: ${error instanceof Error ? error.message.slice(0, 200) : "unknown"}`);
    await recordFailure(passkey.userId, request, counterRegressed ? "counter_regression" : "not_verified");
    throw counterRegressed ? passkeyErrors.counter() : passkeyErrors.notVerified();
  }
  if (!verification.verified) {
    await recordFailure(passkey.userId, request, "bad_signature");
    throw passkeyErrors.notVerified();
  }

  const { newCounter, credentialBackedUp } = verification.authenticationInfo;
  const recorded = await recordPasskeyUse({
    id: passkey.id,
    userId: passkey.userId,
    previousCounter: passkey.counter,
    newCounter,
    backedUp: credentialBackedUp,
  });
  // Another sign-in with this credential changed the counter since we read it: only one of them may win.
  if (!recorded) {
    await recordFailure(passkey.userId, request, "counter_race");
    throw passkeyErrors.counter();
  }
  return { userId: passkey.userId, passkeyId: passkey.id };
}

async function recordFailure(userId: string, request: RequestInfo, reason: string) {
  await recordSecurityEvent({ userId, type: "sign_in_failed", request, detail: { method: "passkey", reason } });
}

// The rule the library applies (a counter in use must grow), restated so the person is told why.
function counterWentBackwards(authenticatorData: string, stored: number): boolean {
  try {
    const { counter } = parseAuthenticatorData(isoBase64URL.toBuffer(authenticatorData));
    return (counter > 0 || stored > 0) && counter <= stored;
  } catch {
    return false;
  }
}
