import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";
import { gateDecision, PATHNAME_HEADER } from "@/lib/auth/gate";

// The first gate only: reads the cookie, never the database. Every page, handler and action checks
// the session again on the server (requireUser), so a forged cookie gets no further than this.
export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSessionCookie = SESSION_COOKIE_NAMES.some((name) => Boolean(request.cookies.get(name)?.value));
  const decision = gateDecision({ pathname, search, hasSessionCookie });

  if (decision.kind === "unauthorized") {
    return NextResponse.json(
      { error: { code: "unauthorized:session", message: "Sign in to continue." } },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
  }
  if (decision.kind === "redirect") {
    return NextResponse.redirect(new URL(decision.location, request.url), 307);
  }

  // The guard uses this to send a signed-out user back to where they were after sign-in.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATHNAME_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
