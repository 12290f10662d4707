import { describe, expect, it } from "vitest";
import { domainMatches, emailListed, parseDomainPattern, plainEmailDomain, type DomainPattern } from "@/lib/auth/email-domains";
import { decideSignUp, type SignUpPolicy } from "@/lib/auth/sign-up-policy";

const patterns = (...raw: string[]) => raw.map((item) => parseDomainPattern(item)!) as DomainPattern[];

describe("SIGNUP_DOMAINS patterns", () => {
  it("accept plain ASCII domains and *.domain, lowercased", () => {
    expect(parseDomainPattern(" Example.COM ")).toEqual({ domain: "example.com", subdomains: false });
    expect(parseDomainPattern("*.example.com")).toEqual({ domain: "example.com", subdomains: true });
    expect(parseDomainPattern("xn--bcher-kva.example")).toEqual({ domain: "xn--bcher-kva.example", subdomains: false });
  });

  it("refuse anything that is not one", () => {
    for (const raw of ["", "com", "example.com.", ".example.com", "*example.com", "*.*.example.com", "ex ample.com", "exämple.com", "example..com", "-example.com", "example-.com", "@example.com", "a@example.com", "*.com."]) {
      expect(parseDomainPattern(raw), raw).toBeNull();
    }
  });
});

describe("domainMatches", () => {
  const exact = patterns("example.com");
  const sub = patterns("*.example.com");

  it("matches the exact domain, in any case", () => {
    expect(domainMatches("ada@example.com", exact)).toBe(true);
    expect(domainMatches("Ada@EXAMPLE.com", exact)).toBe(true);
    expect(domainMatches("ada.lovelace+chat@example.com", exact)).toBe(true);
  });

  it("matches subdomains only when written *.domain, and then not the domain itself", () => {
    expect(domainMatches("ada@eng.example.com", exact)).toBe(false);
    expect(domainMatches("ada@eng.example.com", sub)).toBe(true);
    expect(domainMatches("ada@a.b.example.com", sub)).toBe(true);
    expect(domainMatches("ada@example.com", sub)).toBe(false);
    expect(domainMatches("ada@example.com", patterns("example.com", "*.example.com"))).toBe(true);
  });

  it("never matches lookalikes", () => {
    const lookalikes = [
      "ada@example.com.evil.test",
      "ada@evil-example.com",
      "ada@evilexample.com",
      "ada@eng.evil-example.com",
      "ada@example.co",
      "ada@example.com.", // trailing dot
      "ada@еxample.com", // Cyrillic е
      "ada@exаmple.com", // Cyrillic а
      "ada@ｅxample.com", // fullwidth
      "ada@example\u200b.com", // zero-width space
      "ada@xn--xample-2of.com", // punycode of a confusable
      '"ada@example.com"@evil.test', // quoted local part
      '"ada"@example.com',
      "ada@evil.test@example.com",
      "ada@example.com@evil.test",
      "ada@[127.0.0.1]",
      "ada@ example.com",
      " @example.com",
      "@example.com",
      ".ada@example.com",
      "ada.@example.com",
      "a..da@example.com",
      "ada(comment)@example.com",
      "ada@example.com\n",
    ];
    for (const email of lookalikes) {
      expect(domainMatches(email, exact), email).toBe(false);
      expect(domainMatches(email, sub), email).toBe(false);
    }
    expect(domainMatches("ada@a.example.com.evil.test", sub)).toBe(false);
  });

  it("never matches an account without a verified email", () => {
    expect(domainMatches(null, exact)).toBe(false);
    expect(domainMatches("", exact)).toBe(false);
  });

  it("reads only plain addresses", () => {
    expect(plainEmailDomain("ada@example.com")).toBe("example.com");
    expect(plainEmailDomain('"a@b"@example.com')).toBeNull();
  });
});

describe("ADMIN_EMAILS", () => {
  it("matches whole addresses, case aside, and nothing else", () => {
    const list = ["boss@example.com"];
    expect(emailListed("boss@example.com", list)).toBe(true);
    expect(emailListed("BOSS@Example.com", list)).toBe(true);
    for (const email of ["boss@example.com.evil.test", "xboss@example.com", "boss@sub.example.com", "boss+x@example.com", '"boss@example.com"', null]) {
      expect(emailListed(email, list), String(email)).toBe(false);
    }
  });
});

describe("decideSignUp", () => {
  const policy = (mode: SignUpPolicy["mode"], extra: Partial<SignUpPolicy> = {}): SignUpPolicy => ({ mode, domains: [], adminEmails: [], ...extra });
  const later = { firstAccount: false };

  it("open: active members; approval: pending members; invite: nobody", () => {
    expect(decideSignUp(policy("open"), { email: "a@x.test", ...later })).toEqual({ allowed: true, role: "member", status: "active", because: "open" });
    expect(decideSignUp(policy("approval"), { email: "a@x.test", ...later })).toEqual({ allowed: true, role: "member", status: "pending", because: "approval" });
    expect(decideSignUp(policy("invite"), { email: "a@x.test", ...later })).toEqual({ allowed: false });
    expect(decideSignUp(policy("invite"), { email: null, ...later })).toEqual({ allowed: false });
  });

  it("lets matching verified domains in at once, whatever the mode", () => {
    const domains = patterns("example.com");
    for (const mode of ["open", "approval", "invite"] as const) {
      expect(decideSignUp(policy(mode, { domains }), { email: "a@example.com", ...later })).toMatchObject({ allowed: true, role: "member", status: "active" });
    }
    expect(decideSignUp(policy("invite", { domains }), { email: "a@example.com.evil.test", ...later })).toEqual({ allowed: false });
    expect(decideSignUp(policy("approval", { domains }), { email: null, ...later })).toMatchObject({ status: "pending" });
  });

  it("makes ADMIN_EMAILS admins in every mode", () => {
    for (const mode of ["open", "approval", "invite"] as const) {
      expect(decideSignUp(policy(mode, { adminEmails: ["boss@x.test"] }), { email: "Boss@x.test", ...later })).toEqual({ allowed: true, role: "admin", status: "active", because: "admin_email" });
    }
  });

  it("makes the first account admin only when ADMIN_EMAILS is unset", () => {
    expect(decideSignUp(policy("invite"), { email: "a@x.test", firstAccount: true })).toMatchObject({ allowed: true, role: "admin", status: "active" });
    expect(decideSignUp(policy("approval"), { email: null, firstAccount: true })).toMatchObject({ role: "admin", status: "active" });
    expect(decideSignUp(policy("approval", { adminEmails: ["boss@x.test"] }), { email: "a@x.test", firstAccount: true })).toMatchObject({ role: "member", status: "pending" });
  });

  it("an invitation admits its address as active with the invited role in every mode; never an unverified account", () => {
    for (const mode of ["open", "approval", "invite"] as const) {
      for (const role of ["admin", "member"] as const) {
        expect(decideSignUp(policy(mode), { email: "a@x.test", ...later, invitation: { role } })).toEqual({ allowed: true, role, status: "active", because: "invitation" });
      }
    }
    expect(decideSignUp(policy("invite"), { email: null, ...later, invitation: { role: "member" } })).toEqual({ allowed: false });
    expect(decideSignUp(policy("invite", { adminEmails: ["a@x.test"] }), { email: "a@x.test", ...later, invitation: { role: "member" } })).toMatchObject({ role: "admin" });
  });
});
