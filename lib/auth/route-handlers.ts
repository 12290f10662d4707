import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { requestInfoFrom } from "@/lib/http/request-info";
import { rateLimitHeaders, type RateLimitResult } from "@/lib/rate-limit/limiter";
import { handlers } from "./config";
import { sessionCookieName } from "./session-cookie";
import { runWithSignInContext, type SignInContext } from "./sign-in-context";
import { limitSignInAttempt, retryAfterText } from "./sign-in-limits";

type Handler = (request: NextRequest) => Promise<Response>;

function tooManyAttempts(result: RateLimitResult): Response {
  return new AppError("rate_limited:sign_in", `Too many sign-in attempts. Try again ${retryAfterText(result)}.`, {
    headers: rateLimitHeaders(result),
  }).toResponse();
}

// Direct POSTs to Auth.js's email sign-in (our form calls signIn in-process): one urlencoded form with one
// email field, as Auth.js's own page sends. Auth.js would also read JSON and mail the last of duplicated
// fields; the per-address count happens at the send either way (lib/auth/providers.ts), this just keeps
// the route to one reading of the request.
async function refuseOddEmailForm(request: NextRequest): Promise<Response | null> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    return new AppError("unsupported_media_type:body", "Send the sign-in form as application/x-www-form-urlencoded.").toResponse();
  }
  const form = await request.clone().formData().catch(() => null);
  if (!form || form.getAll("email").length !== 1) {
    return new AppError("bad_request:email", "Send exactly one email address.").toResponse();
  }
  return null;
}

// Auth.js's handlers, rate-limited where they sign people in, and run inside a context that tells
// the adapter who is signing in, how, and which session of this browser the sign-in replaces.
function wrap(handler: Handler): Handler {
  return async (request) => {
    const info = requestInfoFrom(request.headers);
    const path = request.nextUrl.pathname;
    const method = path.match(/\/callback\/([\w-]+)$/)?.[1] ?? null;
    const emailSignIn = request.method === "POST" && /\/signin\/email$/.test(path);
    if (emailSignIn) {
      const refused = await refuseOddEmailForm(request);
      if (refused) return refused;
    }
    const limited = emailSignIn || method ? await limitSignInAttempt({ ip: info.ip }) : null;
    if (limited) return tooManyAttempts(limited);
    const context: SignInContext = { ...info, method, previousSessionToken: request.cookies.get(sessionCookieName)?.value ?? null };
    const response = await runWithSignInContext(context, () => handler(request));
    // The address's mail limit refused the send: the same 429 for every address, and nothing was mailed.
    if (context.mailLimited) return tooManyAttempts(context.mailLimited);
    return response;
  };
}

export const GET = wrap(handlers.GET);
export const POST = wrap(handlers.POST);
