import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { requestInfoFrom } from "@/lib/http/request-info";
import { rateLimitHeaders, type RateLimitResult } from "@/lib/rate-limit/limiter";
import { emailAddress } from "@/lib/validations/auth";
import { handlers } from "./config";
import { runWithSignInContext } from "./sign-in-context";
import { limitMagicLinkRequest, limitSignInAttempt, retryAfterText } from "./sign-in-limits";

type Handler = (request: NextRequest) => Promise<Response>;

function tooManyAttempts(result: RateLimitResult): Response {
  return new AppError("rate_limited:sign_in", `Too many sign-in attempts. Try again ${retryAfterText(result)}.`, {
    headers: rateLimitHeaders(result),
  }).toResponse();
}

// Direct POSTs to Auth.js's email sign-in (our form goes through a server action with the same limits).
async function limitEmailSignIn(request: NextRequest, ip: string | null): Promise<RateLimitResult | null> {
  const form = await request.clone().formData().catch(() => null);
  const email = emailAddress.safeParse(form?.get("email"));
  if (!email.success) return limitSignInAttempt({ ip });
  return limitMagicLinkRequest({ email: email.data, ip });
}

// Auth.js's handlers, rate-limited where they sign people in, and run inside a context that tells
// the adapter who is signing in and how.
function wrap(handler: Handler): Handler {
  return async (request) => {
    const info = requestInfoFrom(request.headers);
    const path = request.nextUrl.pathname;
    const method = path.match(/\/callback\/([\w-]+)$/)?.[1] ?? null;
    let limited: RateLimitResult | null = null;
    if (request.method === "POST" && /\/signin\/email$/.test(path)) limited = await limitEmailSignIn(request, info.ip);
    else if (method) limited = await limitSignInAttempt({ ip: info.ip });
    if (limited) return tooManyAttempts(limited);
    return runWithSignInContext({ ...info, method }, () => handler(request));
  };
}

export const GET = wrap(handlers.GET);
export const POST = wrap(handlers.POST);
