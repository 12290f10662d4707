import { NextResponse, type NextRequest } from "next/server";
import { LEGACY_SESSION_COOKIE, SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";
import { gateDecision, PATHNAME_HEADER } from "@/lib/auth/gate";
import { arrivedOverHttps, createNonce, securityHeaders, sharedLinkHeaders } from "@/lib/security/headers";

// The first gate only: reads the cookie, never the database. Every page, handler and action checks
// the session again on the server (requireUser), so a forged cookie gets no further than this.
// It also sets the security headers, with a fresh CSP nonce per request.
export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSessionCookie = SESSION_COOKIE_NAMES.some((name) => Boolean(request.cookies.get(name)?.value));
  const decision = gateDecision({ pathname, search, hasSessionCookie });
  const nonce = createNonce();
  const https = arrivedOverHttps(request);

  let response: NextResponse;
  if (decision.kind === "unauthorized") {
    response = NextResponse.json(
      { error: { code: "unauthorized:session", message: "Sign in to continue." } },
      { status: 401 },
    );
  } else if (decision.kind === "redirect") {
    response = NextResponse.redirect(new URL(decision.location, request.url), 307);
  } else {
    const requestHeaders = new Headers(request.headers);
    // The guard uses this to send a signed-out user back to where they were after sign-in.
    requestHeaders.set(PATHNAME_HEADER, `${pathname}${search}`);
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    const headers = securityHeaders({ nonce, https });
    requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
    requestHeaders.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }

  const headers = { ...securityHeaders({ nonce, https }), ...sharedLinkHeaders(pathname) };
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // Nothing personal is cached by browsers or proxies: every page and API here is per-user.
  if (!pathname.startsWith("/_next/")) response.headers.set("Cache-Control", "no-store");
  // An earlier release's session cookie is never trusted (lib/auth/cookie-names.ts); the gate sends its holder
  // to /login, where the guard ends its session and this response clears it: one clean sign-out.
  // A raw header, not response.cookies: Next would also apply that to this request's cookies, and the guard
  // would no longer see the cookie whose session it must end.
  if (pathname === "/login" && request.cookies.has(LEGACY_SESSION_COOKIE)) {
    response.headers.append("Set-Cookie", `${LEGACY_SESSION_COOKIE}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`);
  }
  return response;
}

// Not the developer API at /v1: its gate would always pass (it authenticates with keys and access tokens,
// never cookies), and running the middleware cost each API request about a tenth of its CPU
// (docs/benchmarks.md); its security headers come from next.config.ts (every answer, Next's own 405s and
// OPTIONS included) and withApiKey. Nor its /api/v1 alias, rewritten to /v1. The bare /v1 and /api/v1,
// which no handler serves, still pass here and get the page headers with their 404.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|v1/|api/v1/).*)"],
};
