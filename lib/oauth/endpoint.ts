import "server-only";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { requestInfoFrom } from "@/lib/http/request-info";
import { routeHandler } from "@/lib/http/route-handler";
import { consumeIpRateLimit, rateLimitedError, rateLimitHeaders } from "@/lib/rate-limit/limiter";
import { runNodeHandler } from "./node-bridge";
import { OAUTH_BASE, oauthProvider } from "./provider";

const protocol = env.AUTH_URL.startsWith("https://") ? "https" : "http";
const requestUrlGetter = Object.getOwnPropertyDescriptor(Request.prototype, "url")!.get!;

// The URL as it arrived. NextRequest's own `url` is normalised by Next, which rewrites the first
// "127.0.0.1" or "[::1]" anywhere in it to "localhost", query included: a native app's loopback
// redirect_uri (RFC 8252) would then never match its registration.
function arrivedUrl(request: Request): URL {
  return new URL(requestUrlGetter.call(request) as string);
}

const UNAUTHENTICATED_WRITES: Record<string, { limit: "oauth_registration_ip" | "oauth_device_ip"; refusal: string }> = {
  [`${OAUTH_BASE}/register`]: { limit: "oauth_registration_ip", refusal: "Too many client registrations from this address. Try again later." },
  [`${OAUTH_BASE}/device/auth`]: { limit: "oauth_device_ip", refusal: "Too many sign-in codes requested from this address. Try again later." },
};

// The authorization server's endpoints and metadata: oidc-provider answers, behind the shared request
// plumbing. No cookie authenticates anything here (PKCE, codes and tokens do), so cross-site requests
// are oidc-provider's to judge. Writes anyone may make without an account cost a per-IP budget:
// self-registration, and starting a device sign-in (each one a stored code).
export function oauthEndpoint() {
  return routeHandler<unknown>({ refuseCrossSite: false, errorResponse }, async (request, _context, extras) => {
    const url = arrivedUrl(request);
    const unauthenticatedWrite = request.method === "POST" ? UNAUTHENTICATED_WRITES[url.pathname] : undefined;
    if (unauthenticatedWrite) {
      const limit = await consumeIpRateLimit(unauthenticatedWrite.limit, requestInfoFrom(request.headers).ip);
      if (!limit.allowed) throw rateLimitedError(limit, unauthenticatedWrite.refusal);
      Object.assign(extras.headers, rateLimitHeaders(limit));
    }
    const provider = await extras.time("provider", oauthProvider);
    return runNodeHandler(provider.callback(), request, { path: `${url.pathname}${url.search}`, protocol });
  });
}
