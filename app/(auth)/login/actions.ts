"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { limitMagicLinkRequest, retryAfterText } from "@/lib/auth/sign-in-limits";
import { requestInfoFrom } from "@/lib/http/request-info";
import type { FormState } from "@/lib/validations/form-state";
import { magicLinkRequest } from "@/lib/validations/auth";

// Public by design: the caller is not signed in yet. Known and unknown addresses get the same answer.
export async function requestMagicLink(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = magicLinkRequest.safeParse({
    email: formData.get("email"),
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, code: "bad_request:email", message: fieldErrors.email?.[0] ?? "Check the form.", fieldErrors };
  }
  const limited = await limitMagicLinkRequest({ email: parsed.data.email, ip: requestInfoFrom(await headers()).ip });
  if (limited) {
    return { ok: false, code: "rate_limited:sign_in", message: `Too many sign-in emails requested. Try again ${retryAfterText(limited)}.` };
  }
  try {
    // redirect: false, so the browser lands on our page directly, not on Auth.js's redirecting URL.
    await signIn("email", { email: parsed.data.email, redirectTo: safeCallbackPath(parsed.data.callbackUrl), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      console.error(`[auth] magic link not sent: ${error.name}`);
      return { ok: false, code: "unavailable:mail", message: "We could not send the email just now. Please try again in a minute." };
    }
    throw error;
  }
  redirect("/login/check-email");
}
