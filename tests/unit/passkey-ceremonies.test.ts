import { beforeEach, describe, expect, it, vi } from "vitest";
import { assert, attest, newCredential, userHandleOf, type SoftCredential } from "../support/soft-authenticator";

// The ceremony code against in-memory stand-ins for the database queries, with real signatures made by a
// software authenticator. The same rules run against SQLite and PostgreSQL in tests/e2e/passkey-*.spec.ts.
const store = vi.hoisted(() => ({
  challenges: [] as { challenge: string; ceremony: string; userId: string | null; expiresAt: Date }[],
  passkeys: [] as { id: string; userId: string; credentialId: string; publicKey: Uint8Array; counter: number; transports: string[]; name: string; backedUp: boolean; deviceType: string; lastUsedAt: Date | null }[],
  events: [] as { userId: string; type: string; detail?: Record<string, unknown> }[],
  raceNextUse: false,
}));

vi.mock("@/lib/db/queries/webauthn-challenges", () => ({
  createChallenge: async (input: (typeof store.challenges)[number]) => void store.challenges.push(input),
  consumeChallenge: async ({ challenge, ceremony, userId }: { challenge: string; ceremony: string; userId: string | null }) => {
    const index = store.challenges.findIndex((c) => c.challenge === challenge && c.ceremony === ceremony && c.userId === userId && c.expiresAt > new Date());
    if (index === -1) return false;
    store.challenges.splice(index, 1);
    return true;
  },
}));

vi.mock("@/lib/db/queries/passkeys", () => ({
  listCredentialDescriptors: async ({ userId }: { userId: string }) =>
    store.passkeys.filter((p) => p.userId === userId).map((p) => ({ id: p.credentialId, transports: p.transports })),
  credentialExists: async ({ credentialId }: { credentialId: string }) => store.passkeys.some((p) => p.credentialId === credentialId),
  createPasskey: async (input: Omit<(typeof store.passkeys)[number], "id" | "lastUsedAt">) => {
    const row = { ...input, id: `pk-${store.passkeys.length + 1}`, lastUsedAt: null };
    store.passkeys.push(row);
    return { id: row.id, name: row.name, backedUp: row.backedUp, deviceType: row.deviceType, createdAt: new Date(), lastUsedAt: null };
  },
  findPasskeyForSignIn: async ({ credentialId }: { credentialId: string }) => store.passkeys.find((p) => p.credentialId === credentialId) ?? null,
  recordPasskeyUse: async (input: { id: string; userId: string; previousCounter: number; newCounter: number }) => {
    const row = store.passkeys.find((p) => p.id === input.id && p.userId === input.userId && p.counter === input.previousCounter);
    if (!row || store.raceNextUse) return false;
    row.counter = input.newCounter;
    row.lastUsedAt = new Date();
    return true;
  },
}));

vi.mock("@/lib/db/queries/security-events", () => ({
  recordSecurityEvent: async (event: (typeof store.events)[number]) => void store.events.push(event),
}));

const { beginRegistration, completeRegistration } = await import("@/lib/passkeys/registration");
const { beginAuthentication, completeAuthentication } = await import("@/lib/passkeys/authentication");

const rp = { origin: "http://localhost:3000", rpId: "localhost" };
const request = { ip: "203.0.113.5", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36" };
const alice = { id: "7b0c3a52-2d7e-4c7a-9a51-1f0f3e7d9a01", email: "alice@example.test", name: "Alice" };
const bob = { id: "0e9a8c1d-5b3f-4f6a-8e2d-6c4b2a1f0e99", email: "bob@example.test", name: null };

async function register(user: typeof alice | typeof bob, credential = newCredential({ userHandle: userHandleOf(user.id) })) {
  const options = await beginRegistration(user);
  const response = attest(credential, { challenge: options.challenge, ...rp });
  await completeRegistration({ user, body: { response }, request });
  return credential;
}

async function signIn(credential: SoftCredential, overrides: Parameters<typeof assert>[1] extends infer T ? Partial<T> : never = {}) {
  const options = await beginAuthentication();
  const response = assert(credential, { challenge: options.challenge, ...rp, ...overrides });
  return { response, result: () => completeAuthentication({ response, request }) };
}

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "resolved", (error: { code?: string }) => error.code ?? String(error));

beforeEach(() => {
  store.challenges.length = 0;
  store.passkeys.length = 0;
  store.events.length = 0;
  store.raceNextUse = false;
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("passkey registration", () => {
  it("asks for a discoverable, user-verified credential for AUTH_URL's host and the user's id, excluding existing ones", async () => {
    const existing = await register(alice);
    const options = await beginRegistration(alice);
    expect(options.rp).toEqual({ name: "Keyline", id: "localhost" });
    expect(options.user.id).toBe(userHandleOf(alice.id));
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", requireResidentKey: true, userVerification: "required" });
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([existing.id]);
    expect(options.attestation).toBe("none");
    const stored = store.challenges.find((c) => c.challenge === options.challenge)!;
    expect(stored).toMatchObject({ ceremony: "registration", userId: alice.id });
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(4.9 * 60_000);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
  });

  it("stores a verified credential with its key, counter and a readable default name, and logs it", async () => {
    const credential = await register(alice);
    expect(store.passkeys).toHaveLength(1);
    expect(store.passkeys[0]).toMatchObject({ userId: alice.id, credentialId: credential.id, counter: 0, name: "Chrome on Linux", backedUp: false });
    expect(store.events).toContainEqual(expect.objectContaining({ userId: alice.id, type: "passkey_added" }));
    expect(store.challenges).toHaveLength(0);
  });

  it("refuses a replayed registration response", async () => {
    const credential = newCredential({ userHandle: userHandleOf(alice.id) });
    const options = await beginRegistration(alice);
    const response = attest(credential, { challenge: options.challenge, ...rp });
    await completeRegistration({ user: alice, body: { response }, request });
    expect(await codeOf(completeRegistration({ user: alice, body: { response }, request }))).toBe("unauthorized:passkey_challenge");
  });

  it("binds the challenge to the user who asked for it and to the registration ceremony", async () => {
    const aliceOptions = await beginRegistration(alice);
    const forBob = attest(newCredential({ userHandle: userHandleOf(bob.id) }), { challenge: aliceOptions.challenge, ...rp });
    expect(await codeOf(completeRegistration({ user: bob, body: { response: forBob }, request }))).toBe("unauthorized:passkey_challenge");

    const signInOptions = await beginAuthentication();
    const withSignInChallenge = attest(newCredential({ userHandle: userHandleOf(alice.id) }), { challenge: signInOptions.challenge, ...rp });
    expect(await codeOf(completeRegistration({ user: alice, body: { response: withSignInChallenge }, request }))).toBe("unauthorized:passkey_challenge");
    expect(store.passkeys).toHaveLength(0);
  });

  it("refuses a response made for another origin or without user verification, spending the challenge", async () => {
    for (const bad of [{ origin: "https://evil.test" }, { rpId: "evil.test" }, { userVerified: false }]) {
      const options = await beginRegistration(alice);
      const response = attest(newCredential({ userHandle: userHandleOf(alice.id) }), { challenge: options.challenge, ...rp, ...bad });
      expect(await codeOf(completeRegistration({ user: alice, body: { response }, request })), JSON.stringify(bad)).toBe("bad_request:passkey_invalid");
    }
    expect(store.passkeys).toHaveLength(0);
    expect(store.challenges).toHaveLength(0);
  });

  it("ties a credential id to one user: the same id registered by someone else is refused", async () => {
    const alices = await register(alice);
    const copy = newCredential({ userHandle: userHandleOf(bob.id), id: alices.id });
    expect(await codeOf(register(bob, copy))).toBe("conflict:passkey_exists");
    expect(store.passkeys.filter((p) => p.credentialId === alices.id).map((p) => p.userId)).toEqual([alice.id]);
  });
});

describe("passkey sign-in", () => {
  it("offers a challenge for discoverable credentials only, requiring user verification", async () => {
    const options = await beginAuthentication();
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe("required");
    expect(options.rpId).toBe("localhost");
    expect(store.challenges[0]).toMatchObject({ challenge: options.challenge, ceremony: "authentication", userId: null });
  });

  it("verifies an assertion, names the credential's user and stores the new counter", async () => {
    const credential = await register(alice);
    const attempt = await signIn(credential);
    await expect(attempt.result()).resolves.toEqual({ userId: alice.id, passkeyId: store.passkeys[0]!.id });
    expect(store.passkeys[0]!.counter).toBe(1);
    expect(store.passkeys[0]!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses a replayed assertion", async () => {
    const credential = await register(alice);
    const attempt = await signIn(credential);
    await attempt.result();
    expect(await codeOf(attempt.result())).toBe("unauthorized:passkey_challenge");
  });

  it("refuses an expired challenge", async () => {
    const credential = await register(alice);
    const attempt = await signIn(credential);
    store.challenges[0]!.expiresAt = new Date(Date.now() - 1);
    expect(await codeOf(attempt.result())).toBe("unauthorized:passkey_challenge");
  });

  it("refuses a registration challenge used for sign-in", async () => {
    const credential = await register(alice);
    const options = await beginRegistration(alice);
    const response = assert(credential, { challenge: options.challenge, ...rp });
    expect(await codeOf(completeAuthentication({ response, request }))).toBe("unauthorized:passkey_challenge");
  });

  it("refuses a credential it does not know, and spends the challenge", async () => {
    const stranger = newCredential({ userHandle: userHandleOf(alice.id) });
    const attempt = await signIn(stranger);
    expect(await codeOf(attempt.result())).toBe("unauthorized:passkey_unknown");
    expect(store.challenges).toHaveLength(0);
  });

  it("refuses a user handle that is not the credential's user, or none at all", async () => {
    const credential = await register(alice);
    const swapped = await signIn(credential, { userHandle: userHandleOf(bob.id) });
    expect(await codeOf(swapped.result())).toBe("unauthorized:passkey_user");
    const missing = await signIn(credential, { userHandle: null });
    expect(await codeOf(missing.result())).toBe("unauthorized:passkey_user");
    expect(store.events.filter((e) => e.type === "sign_in_failed")).toHaveLength(2);
  });

  it("refuses a counter that went backwards (a cloned authenticator) and logs it for the owner", async () => {
    const credential = await register(alice);
    await (await signIn(credential, { counter: 5 })).result();
    const cloned = await signIn(credential, { counter: 3 });
    expect(await codeOf(cloned.result())).toBe("unauthorized:passkey_counter");
    const same = await signIn(credential, { counter: 5 });
    expect(await codeOf(same.result())).toBe("unauthorized:passkey_counter");
    expect(store.passkeys[0]!.counter).toBe(5);
    expect(store.events).toContainEqual(expect.objectContaining({ userId: alice.id, type: "sign_in_failed", detail: expect.objectContaining({ reason: "counter_regression" }) }));
  });

  it("accepts authenticators that keep no counter (always zero)", async () => {
    const credential = await register(alice);
    await expect((await signIn(credential, { counter: 0 })).result()).resolves.toMatchObject({ userId: alice.id });
    await expect((await signIn(credential, { counter: 0 })).result()).resolves.toMatchObject({ userId: alice.id });
  });

  it("lets only one of two racing sign-ins with the same counter state win", async () => {
    const credential = await register(alice);
    store.raceNextUse = true;
    expect(await codeOf((await signIn(credential)).result())).toBe("unauthorized:passkey_counter");
  });

  it("refuses assertions for another origin or RP ID, without user verification, or signed by another key", async () => {
    const credential = await register(alice);
    for (const bad of [{ origin: "https://evil.test" }, { rpId: "evil.test" }, { userVerified: false }, { type: "webauthn.create" }]) {
      expect(await codeOf((await signIn(credential, bad)).result()), JSON.stringify(bad)).toBe("unauthorized:passkey_invalid");
    }
    const impostor = { ...newCredential({ userHandle: userHandleOf(alice.id) }), id: credential.id };
    expect(await codeOf((await signIn(impostor)).result())).toBe("unauthorized:passkey_invalid");
  });
});
