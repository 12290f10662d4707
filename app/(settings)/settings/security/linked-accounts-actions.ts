"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { requireUser } from "@/lib/auth/guard";
import { oauthProviderOptions } from "@/lib/auth/oauth-providers";
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { assertNotLastWayIn } from "@/lib/auth/ways-in";
import { deleteLinkedAccount } from "@/lib/db/queries/accounts";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { AppError, toAppError } from "@/lib/errors";
import { requestInfoFrom } from "@/lib/http/request-info";
import { linkAccountRequest, unlinkAccountRequest } from "@/lib/validations/accounts";
import type { FormState } from "@/lib/validations/form-state";

const SECURITY_PAGE = "/settings/security";

function failure(error: unknown): FormState {
  const appError = toAppError(error);
  return { ok: false, code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors };
}

// Sends the signed-in user to the provider; Auth.js then links the provider account to this user
// (lib/auth/linking.ts checks the session again when the provider sends them back).
export async function linkProviderAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireUser();
  const parsed = linkAccountRequest.safeParse({ provider: formData.get("provider") });
  const provider = parsed.success ? oauthProviderOptions().find((option) => option.id === parsed.data.provider) : undefined;
  if (!provider) return { ok: false, code: "bad_request:provider", message: "That sign-in provider is not available here." };
  try {
    await requireRecentSignIn();
  } catch (error) {
    return failure(error);
  }
  try {
    await signIn(provider.id, { redirectTo: `${SECURITY_PAGE}?${new URLSearchParams({ linked: provider.id })}` });
  } catch (error) {
    if (error instanceof AuthError) {
      console.error(`[auth] linking ${provider.id} not started: ${error.name}`);
      return { ok: false, code: "unavailable:provider", message: `We could not reach ${provider.name} just now. Try again in a minute.` };
    }
    throw error; // Next's redirect to the provider travels as an exception
  }
  return { ok: true };
}

export async function unlinkAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = unlinkAccountRequest.safeParse({ accountId: formData.get("accountId") });
  if (!parsed.success) return { ok: false, code: "not_found:account", message: "That linked account does not exist." };
  let unlinked: string;
  try {
    await requireRecentSignIn();
    const removed = await deleteLinkedAccount({
      id: parsed.data.accountId,
      userId: user.id,
      beforeDelete: (tx) => assertNotLastWayIn(user.id, tx),
    });
    if (!removed) throw new AppError("not_found:account", "That linked account does not exist.");
    await recordSecurityEvent({
      userId: user.id,
      type: "account_unlinked",
      request: requestInfoFrom(await headers()),
      detail: { provider: removed.provider, account: removed.login ?? removed.email },
    });
    unlinked = removed.provider;
  } catch (error) {
    return failure(error);
  }
  // The row (and its form) is gone; the page says what happened (components/settings/linked-accounts-notice.tsx).
  revalidatePath(SECURITY_PAGE);
  redirect(`${SECURITY_PAGE}?${new URLSearchParams({ unlinked })}`);
}
