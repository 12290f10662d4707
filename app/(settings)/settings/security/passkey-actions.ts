"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guard";
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { assertNotLastWayIn } from "@/lib/auth/ways-in";
import { deletePasskey, findPasskey, renamePasskey } from "@/lib/db/queries/passkeys";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { toAppError } from "@/lib/errors";
import { requestInfoFrom } from "@/lib/http/request-info";
import { passkeyErrors } from "@/lib/passkeys/errors";
import type { FormState } from "@/lib/validations/form-state";
import { deletePasskeyInput, renamePasskeyInput } from "@/lib/validations/passkeys";

const PAGE = "/settings/security";

export async function renamePasskeyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = renamePasskeyInput.safeParse({ id: formData.get("id"), name: formData.get("name") });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, code: "bad_request:invalid", message: fieldErrors.name?.[0] ?? "Check the name.", fieldErrors };
  }
  const { id, name } = parsed.data;
  const before = await findPasskey({ id, userId: user.id });
  if (!before || !(await renamePasskey({ id, userId: user.id, name }))) return failure(passkeyErrors.notFound());
  await recordSecurityEvent({
    userId: user.id,
    type: "passkey_renamed",
    request: requestInfoFrom(await headers()),
    detail: { passkeyId: id, from: before.name, to: name },
  });
  revalidatePath(PAGE);
  return { ok: true, message: `Renamed to “${name}”.` };
}

export async function deletePasskeyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireUser();
  try {
    const user = await requireRecentSignIn();
    const { id } = deletePasskeyInput.parse({ id: formData.get("id") });
    // Scoped by owner, so another user's id answers exactly like one that does not exist.
    const passkey = await deletePasskey({ id, userId: user.id, beforeDelete: (tx) => assertNotLastWayIn(user.id, tx) });
    if (!passkey) throw passkeyErrors.notFound();
    await recordSecurityEvent({
      userId: user.id,
      type: "passkey_removed",
      request: requestInfoFrom(await headers()),
      detail: { passkeyId: id, name: passkey.name },
    });
    revalidatePath(PAGE);
    return { ok: true, message: `Removed “${passkey.name}”.` };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): FormState {
  const appError = toAppError(error);
  return { ok: false, code: appError.code, message: appError.message };
}
