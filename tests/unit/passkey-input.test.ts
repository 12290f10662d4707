import { describe, expect, it } from "vitest";
import { describePasskeyError, PasskeyRequestError } from "@/lib/passkeys/client";
import { defaultPasskeyName } from "@/lib/passkeys/default-name";
import { authenticationVerifyBody, passkeyName } from "@/lib/validations/passkeys";

const domError = (name: string) => Object.assign(new Error("browser said no"), { name });
const wrapped = (name: string, code = "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY") => Object.assign(new Error("x"), { code, cause: domError(name) });

describe("passkey errors in plain words", () => {
  const now = Date.now();

  it("tells a closed prompt from a timed-out one", () => {
    expect(describePasskeyError(wrapped("NotAllowedError"), { ceremony: "sign-in", startedAt: now - 3_000, timeoutMs: 120_000 })).toMatch(/cancelled/);
    expect(describePasskeyError(wrapped("NotAllowedError"), { ceremony: "sign-in", startedAt: now - 120_500, timeoutMs: 120_000 })).toMatch(/timed out/);
    expect(describePasskeyError(wrapped("NotAllowedError"), { ceremony: "registration", startedAt: now, timeoutMs: 120_000 })).toMatch(/Adding the passkey was cancelled/);
  });

  it("stays silent when our own code aborted the prompt", () => {
    expect(describePasskeyError(Object.assign(new Error("x"), { code: "ERROR_CEREMONY_ABORTED" }), { ceremony: "sign-in", startedAt: now })).toBeNull();
  });

  it("explains an authenticator that already holds a passkey for this account", () => {
    const error = wrapped("InvalidStateError", "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED");
    expect(describePasskeyError(error, { ceremony: "registration", startedAt: now })).toMatch(/already has a passkey/);
  });

  it("passes the server's message through (unknown passkey, expired challenge, rate limit)", () => {
    const error = new PasskeyRequestError("unauthorized:passkey_unknown", "This passkey isn't registered with Keyline.");
    expect(describePasskeyError(error, { ceremony: "sign-in", startedAt: now })).toBe("This passkey isn't registered with Keyline.");
  });

  it("never shows a raw browser message", () => {
    const message = describePasskeyError(new Error("TypeError: cannot read properties of undefined at foo.js:1"), { ceremony: "sign-in", startedAt: now });
    expect(message).toBe("Your device couldn't complete the passkey request. Please try again.");
  });
});

describe("passkey input", () => {
  it("accepts a trimmed name up to 60 characters and refuses empty, long or control-character names", () => {
    expect(passkeyName.parse("  Work laptop ")).toBe("Work laptop");
    expect(passkeyName.safeParse("   ").success).toBe(false);
    expect(passkeyName.safeParse("x".repeat(61)).success).toBe(false);
    expect(passkeyName.safeParse("evil\nname").success).toBe(false);
  });

  it("refuses responses that are not base64url or are oversized before any crypto runs", () => {
    const response = {
      id: "abc",
      rawId: "abc",
      type: "public-key",
      response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" },
      clientExtensionResults: {},
    };
    expect(authenticationVerifyBody.safeParse({ response }).success).toBe(true);
    expect(authenticationVerifyBody.safeParse({ response: { ...response, id: "a+b/c=" } }).success).toBe(false);
    expect(authenticationVerifyBody.safeParse({ response: { ...response, type: "password" } }).success).toBe(false);
    const huge = { ...response, response: { ...response.response, signature: "A".repeat(5000) } };
    expect(authenticationVerifyBody.safeParse({ response: huge }).success).toBe(false);
  });

  it("names a new passkey after the browser and system it was made on", () => {
    expect(defaultPasskeyName("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15")).toBe("Safari on macOS");
    expect(defaultPasskeyName(null)).toBe("Passkey");
  });
});
