import { describe, expect, it } from "vitest";
import { HOST_SESSION_COOKIE, LEGACY_SESSION_COOKIE, SESSION_COOKIE, SESSION_COOKIE_NAMES, sessionCookieConfig } from "@/lib/auth/cookie-names";

describe("the session cookie Auth.js and passkey sign-in are given", () => {
  it("is __Host- on https: Secure, Path=/, no Domain (a sibling subdomain cannot plant it)", () => {
    const cookie = sessionCookieConfig(true);
    expect(cookie.name).toBe("__Host-authjs.session-token");
    expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    expect(cookie.options).not.toHaveProperty("domain");
  });

  it("keeps the plain name on http, where browsers would refuse a Secure or prefixed cookie", () => {
    const cookie = sessionCookieConfig(false);
    expect(cookie.name).toBe("authjs.session-token");
    expect(cookie.options.secure).toBe(false);
    expect(cookie.options.path).toBe("/");
  });

  it("never accepts the earlier release's __Secure- name as a session cookie", () => {
    expect(LEGACY_SESSION_COOKIE).toBe("__Secure-authjs.session-token");
    expect(SESSION_COOKIE_NAMES).toEqual([HOST_SESSION_COOKIE, SESSION_COOKIE]);
    expect(SESSION_COOKIE_NAMES).not.toContain(LEGACY_SESSION_COOKIE);
  });
});
