import "server-only";
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import { createPasskey, credentialExists, listCredentialDescriptors } from "@/lib/db/queries/passkeys";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import type { RequestInfo } from "@/lib/http/request-info";
import type { registrationVerifyBody } from "@/lib/validations/passkeys";
import type { z } from "zod";
import { spendChallenge, storeChallenge } from "./challenge";
import { defaultPasskeyName } from "./default-name";
import { passkeyErrors } from "./errors";
import { CEREMONY_TIMEOUT_MS, relyingParty } from "./relying-party";
import { userHandleBytes } from "./user-handle";

type RegisteringUser = { id: string; email: string | null; name: string | null };

export async function beginRegistration(user: RegisteringUser) {
  const options = await generateRegistrationOptions({
    rpName: relyingParty.name,
    rpID: relyingParty.id,
    userID: userHandleBytes(user.id),
    userName: user.email ?? user.id,
    userDisplayName: user.name ?? user.email ?? "",
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: await listCredentialDescriptors({ userId: user.id }),
    authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
  });
  await storeChallenge({ challenge: options.challenge, ceremony: "registration", userId: user.id });
  return options;
}

export async function completeRegistration(input: {
  user: RegisteringUser;
  body: z.infer<typeof registrationVerifyBody>;
  request: RequestInfo;
}) {
  const { user, body, request } = input;
  const challenge = await spendChallenge({
    clientDataJSON: body.response.response.clientDataJSON,
    ceremony: "registration",
    userId: user.id,
  });

  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: body.response,
      expectedChallenge: challenge,
      expectedOrigin: relyingParty.origin,
      expectedRPID: relyingParty.id,
      requireUserVerification: true,
    });
  } catch (error) {
    console.warn(`[passkeys] registration refused: ${error instanceof Error ? error.message.slice(0, 200) : "unknown"}`);
    throw passkeyErrors.registrationNotVerified();
  }
  if (!verification.verified) throw passkeyErrors.registrationNotVerified();

  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  // One credential, one user: an id already stored (for anyone) is refused, and the unique index backs this up.
  if (await credentialExists({ credentialId: credential.id })) throw passkeyErrors.alreadyRegistered();
  let passkey;
  try {
    passkey = await createPasskey({
      userId: user.id,
      credentialId: credential.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? body.response.response.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
      name: body.name ?? defaultPasskeyName(request.userAgent),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw passkeyErrors.alreadyRegistered();
    throw error;
  }
  await recordSecurityEvent({
    userId: user.id,
    type: "passkey_added",
    request,
    detail: { passkeyId: passkey.id, name: passkey.name, backedUp: passkey.backedUp },
  });
  return passkey;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
