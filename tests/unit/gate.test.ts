import { describe, expect, it } from "vitest";
import { gateDecision } from "@/lib/auth/gate";

const decide = (pathname: string, hasSessionCookie = false, search = "") => gateDecision({ pathname, search, hasSessionCookie });

describe("the edge gate", () => {
  it("redirects gated pages to /login with a relative callbackUrl", () => {
    expect(decide("/chat/abc", false, "?x=1")).toEqual({ kind: "redirect", location: "/login?callbackUrl=%2Fchat%2Fabc%3Fx%3D1" });
    expect(decide("/settings/api-keys").kind).toBe("redirect");
    expect(decide("/chat").kind).toBe("redirect");
    expect(decide("/oauth/consent/abc")).toEqual({ kind: "redirect", location: "/login?callbackUrl=%2Foauth%2Fconsent%2Fabc" });
  });

  it("answers 401 for private APIs", () => {
    expect(decide("/api/threads").kind).toBe("unauthorized");
    expect(decide("/api/keys").kind).toBe("unauthorized");
    expect(decide("/api/chat").kind).toBe("unauthorized");
    expect(decide("/api/authx").kind).toBe("unauthorized");
    // The owner's list of links is private; only the token-addressed /api/share/<token> is public.
    expect(decide("/api/shares").kind).toBe("unauthorized");
    expect(decide("/api/shares/0b8f6e8e-4a57-4c1b-9d0e-1f1f1f1f1f1f").kind).toBe("unauthorized");
    expect(decide("/api/threads/0b8f6e8e-4a57-4c1b-9d0e-1f1f1f1f1f1f/shares").kind).toBe("unauthorized");
  });

  it("lets public routes through", () => {
    for (const path of ["/login", "/login/confirm", "/api/auth/session", "/api/health", "/api/v1/models", "/api/passkeys/authenticate/options", "/share/abc", "/api/share/abc", "/api/oauth/token", "/api/oauth/auth", "/mcp", "/.well-known/oauth-authorization-server"]) {
      expect(decide(path).kind, path).toBe("pass");
    }
  });

  it("does not treat look-alike prefixes as gated or public", () => {
    expect(decide("/chatroom").kind).toBe("pass");
    expect(decide("/api/healthz").kind).toBe("unauthorized");
    expect(decide("/api/oauthx").kind).toBe("unauthorized");
  });

  it("lets any request with a session cookie through to the guard", () => {
    expect(decide("/chat", true).kind).toBe("pass");
    expect(decide("/api/threads", true).kind).toBe("pass");
  });
});
