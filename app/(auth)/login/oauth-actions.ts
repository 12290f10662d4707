"use server";

import { AuthError } from "next-auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/config";
import { oauthProviderOptions } from "@/lib/auth/oauth-providers";
import { AppError } from "@/lib/errors";
import { publicFormPost } from "@/lib/http/server-action";
import { providerSignInRequest } from "@/lib/validations/linked-accounts";

// Public by design: the caller is not signed in yet (or is confirming it's them). Starts the OAuth flow;
// Auth.js sets the state and PKCE cookies and sends the browser to the provider.
export const signInWithProvider = publicFormPost(
  { schema: providerSignInRequest, onFailure: "/login/error?error=OAuthSignInError" },
  async ({ provider, callbackUrl }) => {
    if (!oauthProviderOptions().some((option) => option.id === provider)) {
      throw new AppError("bad_request:provider", "That sign-in provider is not available here.");
    }
    try {
      await signIn(provider, { redirectTo: safeCallbackPath(callbackUrl) });
    } catch (error) {
      // Next's redirect to the provider travels as an exception; Auth.js's own failures are logged by name.
      if (error instanceof AuthError) console.error(`[auth] ${provider} sign-in not started: ${error.name}`);
      throw error;
    }
  },
);
