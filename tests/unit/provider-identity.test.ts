import { describe, expect, it } from "vitest";
import { assertedEmail, displayIdentity, providerAccountIdOf, userFromProfile } from "@/lib/auth/provider-identity";

describe("what a provider asserts about an email", () => {
  it("counts only an explicit email_verified claim", () => {
    expect(assertedEmail({ email: "A@Example.test", email_verified: true })).toEqual({ email: "a@example.test", verified: true });
    expect(assertedEmail({ email: "a@example.test", email_verified: "true" })).toEqual({ email: "a@example.test", verified: true });
    expect(assertedEmail({ email: "a@example.test" }).verified).toBe(false);
    expect(assertedEmail({ email: "a@example.test", email_verified: false }).verified).toBe(false);
    expect(assertedEmail({ email: "a@example.test", email_verified: "false" }).verified).toBe(false);
    expect(assertedEmail({ email: "a@example.test", email_verified: 1 }).verified).toBe(false);
  });

  it("ignores addresses that are not one plain address", () => {
    expect(assertedEmail({ email: "a@example.test\r\nBcc: b@example.test", email_verified: true })).toEqual({ email: null, verified: false });
    expect(assertedEmail({ email: "not an address", email_verified: true }).email).toBeNull();
    expect(assertedEmail({}).email).toBeNull();
  });
});

describe("the user a first sign-in creates", () => {
  it("keeps a verified email and drops an unverified one", () => {
    expect(userFromProfile("google", { sub: "s1", email: "a@example.test", email_verified: true, name: "Ada" })).toEqual({
      id: "s1",
      name: "Ada",
      email: "a@example.test",
      image: null,
    });
    expect(userFromProfile("oidc", { sub: "s2", email: "a@example.test", email_verified: false }).email).toBeNull();
  });

  it("uses GitHub's numeric id and login", () => {
    const user = userFromProfile("github", { id: 42, login: "octo", email: "o@example.test", email_verified: true, avatar_url: "https://x.test/a.png" });
    expect(user).toEqual({ id: "42", name: "octo", email: "o@example.test", image: "https://x.test/a.png" });
  });

  it("refuses a profile without an account id rather than inventing one", () => {
    expect(() => providerAccountIdOf("google", { email: "a@example.test" })).toThrow();
    expect(() => providerAccountIdOf("github", { id: "42" })).not.toThrow();
    expect(() => providerAccountIdOf("github", {})).toThrow();
  });

  it("shows the provider's email (verified or not) and login in settings", () => {
    expect(displayIdentity({ email: "A@example.test", login: "ada" })).toEqual({ email: "a@example.test", login: "ada" });
    expect(displayIdentity({ preferred_username: "ada.l" })).toEqual({ email: null, login: "ada.l" });
  });
});
