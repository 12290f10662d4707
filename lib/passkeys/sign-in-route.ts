import "server-only";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { isCrossOriginWrite } from "@/lib/http/cross-origin";
import { requestInfoFrom, type RequestInfo } from "@/lib/http/request-info";
import { consumeRateLimit, rateLimitedError, rateLimitHeaders } from "@/lib/rate-limit/limiter";

type SignInHandler = (request: Request, info: RequestInfo) => Promise<Response>;

// The passkey sign-in routes answer without a session, so they carry their own defences: cross-site
// posts are refused (no login CSRF into someone else's account), each IP gets RATE_LIMIT_SIGNIN_IP
// attempts, errors are JSON without internals, and nothing is cached.
export function signInRoute(handler: SignInHandler) {
  return async (request: Request): Promise<Response> => {
    try {
      if (isCrossOriginWrite(request, env.AUTH_URL)) {
        throw new AppError("forbidden:cross_origin", "Cross-site requests are not allowed.");
      }
      const info = requestInfoFrom(request.headers);
      const limit = await consumeRateLimit("signin_ip", info.ip ?? "unknown");
      if (!limit.allowed) throw rateLimitedError(limit, "Too many sign-in attempts from your network. Please wait and try again.");
      const response = await handler(request, info);
      for (const [name, value] of Object.entries(rateLimitHeaders(limit))) response.headers.set(name, value);
      response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}
