import "server-only";
import { errorResponse } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { requestInfoFrom, type RequestInfo } from "@/lib/http/request-info";
import { consumeIpRateLimit, rateLimitedError, rateLimitHeaders, type IpLimitName } from "@/lib/rate-limit/limiter";

const REFUSALS = {
  signin_ip: "Too many sign-in attempts from your network. Please wait and try again.",
  passkey_challenge_ip: "Too many passkey requests from your network. Please wait and try again, or use another way to sign in.",
} as const;

type SignInHandler = (request: Request, info: RequestInfo) => Promise<Response>;

// The passkey sign-in routes answer without a session, so they carry their own defences: cross-site
// posts are refused (no login CSRF into someone else's account), each IP has a budget, errors are JSON
// without internals, and nothing is cached. An assertion checked is a sign-in attempt (signin_ip); a
// challenge is fetched by every visit to /login for autofill, so it has a budget of its own and does not
// spend anyone's sign-in attempts. A refused assertion spent an attempt as well, so its answer says what
// is left too.
export function signInRoute(handler: SignInHandler, { limit: limitName }: { limit: keyof typeof REFUSALS & IpLimitName }) {
  return routeHandler<unknown>({ refuseCrossSite: true, errorResponse }, async (request, _context, extras) => {
    const info = requestInfoFrom(request.headers);
    const limit = await extras.time("ratelimit", () => consumeIpRateLimit(limitName, info.ip));
    if (!limit.allowed) throw rateLimitedError(limit, REFUSALS[limitName]);
    Object.assign(extras.headers, rateLimitHeaders(limit));
    return handler(request, info);
  });
}
