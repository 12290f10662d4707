// The edge gate's rule, kept pure so it can be unit-tested. It sees only whether a session cookie
// is present; whether that session is valid is the guard's job (lib/auth/guard.ts).
export const PATHNAME_HEADER = "x-keyline-pathname";

// Not /admin: to anyone but an admin it answers like an unknown path (lib/admin/require-admin.ts).
const GATED_PAGE_PREFIXES = ["/chat", "/settings", "/pending", "/oauth"];
// API routes that answer without a session: Auth.js itself, health, passkey sign-in, the
// developer API (which authenticates with API keys or access tokens, never cookies), shared links (the
// token is the credential; their copy route checks the session itself), and the OAuth authorization
// server (PKCE, codes and tokens; its consent page under /oauth is gated like any page).
const PUBLIC_API_PREFIXES = ["/api/auth", "/api/health", "/api/passkeys/authenticate", "/api/v1", "/api/share", "/api/oauth"];

export type GateDecision =
  | { kind: "pass" }
  | { kind: "redirect"; location: string }
  | { kind: "unauthorized" };

const underPrefix = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

export function gateDecision(input: { pathname: string; search: string; hasSessionCookie: boolean }): GateDecision {
  const { pathname, search, hasSessionCookie } = input;
  if (hasSessionCookie) return { kind: "pass" };
  if (pathname.startsWith("/api/") || pathname === "/api") {
    return PUBLIC_API_PREFIXES.some((prefix) => underPrefix(pathname, prefix)) ? { kind: "pass" } : { kind: "unauthorized" };
  }
  if (GATED_PAGE_PREFIXES.some((prefix) => underPrefix(pathname, prefix))) {
    return { kind: "redirect", location: `/login?${new URLSearchParams({ callbackUrl: `${pathname}${search}` })}` };
  }
  return { kind: "pass" };
}
