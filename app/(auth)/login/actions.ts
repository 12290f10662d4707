"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { runWithSignInContext, type SignInContext } from "@/lib/auth/sign-in-context";
import { limitSignInAttempt, retryAfterText } from "@/lib/auth/sign-in-limits";
import { AppError } from "@/lib/errors";
import { publicFormAction } from "@/lib/http/server-action";
import type { RateLimitResult } from "@/lib/rate-limit/limiter";
import { magicLinkRequest } from "@/lib/validations/auth";

function tooManyMails(limited: RateLimitResult): AppError {
  return new AppError("rate_limited:sign_in", `Too many sign-in emails requested. Try again ${retryAfterText(limited)}.`);
}

// Public by design: the caller is not signed in yet. Known and unknown addresses get the same answer.
export const requestMagicLink = publicFormAction({ schema: magicLinkRequest }, async ({ email, callbackUrl }, { request }) => {
  const limitedIp = await limitSignInAttempt({ ip: request.ip });
  if (limitedIp) throw tooManyMails(limitedIp);
  // The per-address limit is counted where the mail is sent (lib/auth/providers.ts), which notes a refusal here.
  const context: SignInContext = { ...request, method: "email" };
  try {
    // redirect: false, so the browser lands on our page directly, not on Auth.js's redirecting URL.
    await runWithSignInContext(context, () => signIn("email", { email, redirectTo: safeCallbackPath(callbackUrl), redirect: false }));
  } catch (error) {
    if (error instanceof AuthError) {
      console.error(`[auth] magic link not sent: ${error.name}`);
      throw new AppError("unavailable:mail", "We could not send the email just now. Please try again in a minute.");
    }
    throw error;
  }
  if (context.mailLimited) throw tooManyMails(context.mailLimited);
  redirect("/login/check-email");
});
