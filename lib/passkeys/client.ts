// Browser side of the ceremonies: JSON calls to /api/passkeys/* and plain-words errors. No server imports.

export class PasskeyRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function postJson<T>(url: string, body: unknown = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new PasskeyRequestError("network", "Keyline could not be reached. Check your connection and try again.");
  }
  const data = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!response.ok) {
    throw new PasskeyRequestError(
      data?.error?.code ?? `http_${response.status}`,
      data?.error?.message ?? "Something went wrong on our side. Please try again.",
    );
  }
  return data as T;
}

type Ceremony = "sign-in" | "registration";

// What the browser or authenticator said, in words a person can act on; null means stay silent
// (our own code cancelled the prompt, e.g. the autofill request when the button is pressed).
export function describePasskeyError(error: unknown, context: { ceremony: Ceremony; startedAt: number; timeoutMs?: number }): string | null {
  if (error instanceof PasskeyRequestError) return error.message;
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  const cause = typeof error === "object" && error !== null && "cause" in error ? (error as { cause: unknown }).cause : undefined;
  const name = cause instanceof Error ? cause.name : error instanceof Error ? error.name : "";
  if (code === "ERROR_CEREMONY_ABORTED" || name === "AbortError") return null;
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || name === "InvalidStateError") {
    return "This device already has a passkey for your account. You can use it to sign in.";
  }
  if (name === "NotAllowedError") {
    // Browsers report a timeout and a closed prompt with the same error; the clock tells them apart.
    const elapsed = Date.now() - context.startedAt;
    if (context.timeoutMs && elapsed >= context.timeoutMs - 1_000) {
      return "The passkey prompt timed out. Try again when you're ready.";
    }
    return context.ceremony === "sign-in"
      ? "Passkey sign-in was cancelled. Try again, or sign in with email."
      : "Adding the passkey was cancelled. Try again when you're ready.";
  }
  if (name === "SecurityError" || code === "ERROR_INVALID_DOMAIN" || code === "ERROR_INVALID_RP_ID") {
    return "Passkeys don't work on this address. Open Keyline at its usual address and try again.";
  }
  if (name === "NotSupportedError" || code === "ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT" || code === "ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT") {
    return "This device can't create or use a passkey that unlocks with a PIN, fingerprint or face. Try another device or a security key.";
  }
  if (error instanceof Error && /not supported in this browser/i.test(error.message)) {
    return "This browser doesn't support passkeys.";
  }
  return "Your device couldn't complete the passkey request. Please try again.";
}
