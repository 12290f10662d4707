import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";

// The WebAuthn user handle is the user's id (a UUID: opaque, no personal data, under the 64-byte limit).
// Authenticators return it on discoverable sign-in; it must name the credential's owner.
export function userHandleBytes(userId: string) {
  return isoUint8Array.fromUTF8String(userId);
}

export function userHandleMatches(userHandle: string | undefined, userId: string): boolean {
  if (!userHandle) return false;
  return userHandle === isoBase64URL.fromBuffer(userHandleBytes(userId));
}
