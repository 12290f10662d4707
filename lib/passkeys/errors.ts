import { AppError } from "@/lib/errors";

// Messages a person can act on; the codes let the browser (and tests) tell the cases apart.
export const passkeyErrors = {
  challenge: () =>
    new AppError("unauthorized:passkey_challenge", "This passkey request expired or was already used. Please try again."),
  unknown: () =>
    new AppError(
      "unauthorized:passkey_unknown",
      "This passkey isn't registered with Keyline. It may have been removed. Sign in another way, then add it again.",
    ),
  userMismatch: () => new AppError("unauthorized:passkey_user", "This passkey could not be verified. Please try again."),
  notVerified: () => new AppError("unauthorized:passkey_invalid", "This passkey could not be verified. Please try again."),
  counter: () =>
    new AppError(
      "unauthorized:passkey_counter",
      "This passkey could not be verified: it may have been copied. Sign in another way and review your passkeys.",
    ),
  registrationNotVerified: () =>
    new AppError("bad_request:passkey_invalid", "Your device's response could not be verified. Please try again."),
  alreadyRegistered: () => new AppError("conflict:passkey_exists", "This passkey is already registered."),
  notFound: () => new AppError("not_found:passkey", "That passkey does not exist."),
};
