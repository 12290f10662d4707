import { z } from "zod";

// WebAuthn responses arrive as base64url strings; these bounds are generous for real authenticators and
// keep a hostile body from reaching the CBOR and signature code at any size.
// WebAuthn bodies are a few kilobytes; anything far larger is refused before it is parsed.
export const WEBAUTHN_BODY_MAX_BYTES = 64 * 1024;

const base64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/, "must be base64url");

const clientExtensionResults = z.record(z.string(), z.unknown()).default({});
const attachment = z.enum(["platform", "cross-platform"]).optional();

export const registrationResponse = z.object({
  id: base64url(1366),
  rawId: base64url(1366),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(16384),
    authenticatorData: base64url(8192).optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(4096).optional(),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults,
});

export const authenticationResponse = z.object({
  id: base64url(1366),
  rawId: base64url(1366),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(8192),
    signature: base64url(2048),
    userHandle: base64url(128).optional(),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults,
});

export const passkeyName = z
  .string({ error: "Enter a name for this passkey." })
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "Use a name without line breaks or control characters.")
  .transform((value) => value.trim())
  .pipe(z.string().min(1, "Enter a name for this passkey.").max(60, "Keep the name under 60 characters."));

export const registrationVerifyBody = z.object({
  response: registrationResponse,
  name: passkeyName.optional(),
});

export const authenticationVerifyBody = z.object({
  response: authenticationResponse,
  callbackUrl: z.string().max(2048).optional(),
});

export const passkeyId = z.string().min(1).max(64);

export const renamePasskeyInput = z.object({ id: passkeyId, name: passkeyName });
export const deletePasskeyInput = z.object({ id: passkeyId });

// What the settings list shows; dates travel as ISO strings to the client component.
export type PasskeyListItem = {
  id: string;
  name: string;
  backedUp: boolean;
  deviceType: string;
  createdAt: string;
  lastUsedAt: string | null;
};
