import { describe, expect, it } from "vitest";
import { decideOAuthSignIn, type LinkFacts } from "@/lib/auth/link-rules";

const now = Date.parse("2026-01-01T12:00:00Z");
const recent = { userId: "me", createdAt: new Date(now - 60_000) };
const stale = { userId: "me", createdAt: new Date(now - 11 * 60_000) };

const decide = (facts: Partial<LinkFacts>) =>
  decideOAuthSignIn({
    accountOwnerId: null,
    session: null,
    asserted: { email: null, verified: false },
    emailOwnerId: null,
    now,
    recentSignInMs: 10 * 60_000,
    ...facts,
  });

describe("OAuth linking rules, signed out", () => {
  it("signs in to the user the provider account is linked to, whatever the email", () => {
    expect(decide({ accountOwnerId: "u1", asserted: { email: "x@example.test", verified: false }, emailOwnerId: "u2" })).toEqual({ kind: "sign_in" });
  });

  it("creates a user for a new provider account", () => {
    expect(decide({ asserted: { email: "new@example.test", verified: true } })).toEqual({ kind: "link", reason: "sign_up" });
    expect(decide({})).toEqual({ kind: "link", reason: "sign_up" });
  });

  it("links to the user with the same email only when the provider verified it", () => {
    expect(decide({ asserted: { email: "a@example.test", verified: true }, emailOwnerId: "u1" })).toEqual({ kind: "link", reason: "verified_email" });
    expect(decide({ asserted: { email: "a@example.test", verified: false }, emailOwnerId: "u1" })).toEqual({
      kind: "refuse",
      refusal: "unverified_email",
    });
  });
});

describe("OAuth linking rules, signed in", () => {
  it("links a new provider account to the signed-in user, never to the email's owner", () => {
    expect(decide({ session: recent, asserted: { email: "b@example.test", verified: true }, emailOwnerId: "someone-else" })).toEqual({
      kind: "link",
      reason: "settings",
    });
  });

  it("needs a recent sign-in to link", () => {
    expect(decide({ session: stale })).toEqual({ kind: "refuse", refusal: "reauthenticate" });
  });

  it("refuses a provider account that belongs to another user", () => {
    expect(decide({ session: recent, accountOwnerId: "other" })).toEqual({ kind: "refuse", refusal: "account_in_use" });
    expect(decide({ session: stale, accountOwnerId: "other" })).toEqual({ kind: "refuse", refusal: "account_in_use" });
  });

  it("treats the user's own provider account as a fresh sign-in", () => {
    expect(decide({ session: stale, accountOwnerId: "me" })).toEqual({ kind: "replace_session" });
  });
});
