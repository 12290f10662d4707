"use server";

import type { ApiThreadSummary } from "@/lib/chat/serialize";
import { deleteOwnThread, renameOwnThread } from "@/lib/chat/threads";
import { requireUser } from "@/lib/auth/guard";
import { toAppError } from "@/lib/errors";
import { renameThreadInput, type ActionResult } from "@/lib/validations/threads";

// Server actions are public endpoints: each checks its caller and the thread's owner itself.
function failure(error: unknown): ActionResult<never> {
  const appError = toAppError(error);
  return { ok: false, code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors };
}

export async function renameThreadAction(id: string, title: string): Promise<ActionResult<ApiThreadSummary>> {
  const user = await requireUser();
  try {
    const input = renameThreadInput.parse({ title });
    return { ok: true, data: await renameOwnThread({ userId: user.id, id, title: input.title }) };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteThreadAction(id: string): Promise<ActionResult<{ id: string }>> {
  const user = await requireUser();
  try {
    await deleteOwnThread({ userId: user.id, id });
    return { ok: true, data: { id } };
  } catch (error) {
    return failure(error);
  }
}
