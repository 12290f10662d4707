"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { oauthProviderOptions } from "@/lib/auth/oauth-providers";
import { AppError } from "@/lib/errors";
import { done, sessionFormAction } from "@/lib/http/server-action";
import { unlinkOwnAccount } from "@/lib/linked-accounts/manage";
import { linkAccountRequest, unlinkAccountRequest } from "@/lib/validations/linked-accounts";

const SECURITY_PAGE = "/settings/security";

// Sends the signed-in user to the provider; Auth.js then links the provider account to this user
// (lib/auth/linking.ts checks the session again when the provider sends them back).
export const linkProviderAction = sessionFormAction(
  { schema: linkAccountRequest, recentSignIn: { returnTo: SECURITY_PAGE } },
  async ({ provider: id }) => {
    const provider = oauthProviderOptions().find((option) => option.id === id);
    if (!provider) throw new AppError("bad_request:provider", "That sign-in provider is not available here.");
    try {
      await signIn(provider.id, { redirectTo: `${SECURITY_PAGE}?${new URLSearchParams({ linked: provider.id })}` });
    } catch (error) {
      if (error instanceof AuthError) {
        console.error(`[auth] linking ${provider.id} not started: ${error.name}`);
        throw new AppError("unavailable:provider", `We could not reach ${provider.name} just now. Try again in a minute.`);
      }
      throw error; // Next's redirect to the provider travels as an exception
    }
    return done();
  },
);

export const unlinkAccountAction = sessionFormAction(
  { schema: unlinkAccountRequest, recentSignIn: { returnTo: SECURITY_PAGE } },
  async ({ accountId }, { user, request }) => {
    const { provider } = await unlinkOwnAccount({ userId: user.id, id: accountId, request });
    // The row (and its form) is gone; the page says what happened (components/settings/linked-accounts-notice.tsx).
    revalidatePath(SECURITY_PAGE);
    redirect(`${SECURITY_PAGE}?${new URLSearchParams({ unlinked: provider })}`);
  },
);
