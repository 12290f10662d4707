"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/config";
import { oauthProviderOptions } from "@/lib/auth/oauth-providers";
import { providerSignInRequest } from "@/lib/validations/accounts";

// Public by design: the caller is not signed in yet (or is confirming it's them). Starts the OAuth flow;
// Auth.js sets the state and PKCE cookies and sends the browser to the provider.
export async function signInWithProvider(formData: FormData): Promise<void> {
  const parsed = providerSignInRequest.safeParse({
    provider: formData.get("provider"),
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success || !oauthProviderOptions().some((option) => option.id === parsed.data.provider)) {
    redirect("/login/error?error=OAuthSignInError");
  }
  try {
    await signIn(parsed.data.provider, { redirectTo: safeCallbackPath(parsed.data.callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) {
      console.error(`[auth] ${parsed.data.provider} sign-in not started: ${error.name}`);
      redirect("/login/error?error=OAuthSignInError");
    }
    throw error; // Next's redirect to the provider travels as an exception
  }
}
