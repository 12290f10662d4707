"use server";

import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { requireUser } from "@/lib/auth/guard";
import { reauthenticateUrl, requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { deleteUserAccount } from "@/lib/db/queries/account";
import { AppError } from "@/lib/errors";
import { deleteAccountRequest } from "@/lib/validations/account";
import type { FormState } from "@/lib/validations/form-state";

export async function deleteAccount(_state: FormState, formData: FormData): Promise<FormState> {
  await requireUser({ allowPending: true });
  const parsed = deleteAccountRequest.safeParse({ confirmation: formData.get("confirmation") });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, code: "bad_request:confirmation", message: fieldErrors.confirmation?.[0] ?? "Confirm first.", fieldErrors };
  }
  let userId: string;
  try {
    userId = (await requireRecentSignIn({ allowPending: true })).id;
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, message: error.message, reauthenticateUrl: reauthenticateUrl("/settings/account") };
    }
    throw error;
  }
  await deleteUserAccount({ userId });
  await signOut({ redirectTo: "/login?deleted=1" });
  return { ok: true };
}
