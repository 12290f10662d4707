"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { limitMagicLinkRequest, retryAfterText } from "@/lib/auth/sign-in-limits";
import { AppError } from "@/lib/errors";
import { publicFormAction } from "@/lib/http/server-action";
import { magicLinkRequest } from "@/lib/validations/auth";

// Public by design: the caller is not signed in yet. Known and unknown addresses get the same answer.
export const requestMagicLink = publicFormAction({ schema: magicLinkRequest }, async ({ email, callbackUrl }, { request }) => {
  const limited = await limitMagicLinkRequest({ email, ip: request.ip });
  if (limited) throw new AppError("rate_limited:sign_in", `Too many sign-in emails requested. Try again ${retryAfterText(limited)}.`);
  try {
    // redirect: false, so the browser lands on our page directly, not on Auth.js's redirecting URL.
    await signIn("email", { email, redirectTo: safeCallbackPath(callbackUrl), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      console.error(`[auth] magic link not sent: ${error.name}`);
      throw new AppError("unavailable:mail", "We could not send the email just now. Please try again in a minute.");
    }
    throw error;
  }
  redirect("/login/check-email");
});
