"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth/config";
import { getCurrentSession, requireUser } from "@/lib/auth/guard";
import { deleteAllUserSessions, deleteUserSession, deleteUserSessionsExcept } from "@/lib/db/queries/sessions";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import type { FormState } from "@/lib/validations/form-state";
import { sessionId } from "@/lib/validations/sessions";

async function currentOrSignIn() {
  const user = await requireUser();
  const current = await getCurrentSession();
  return { user, currentSessionId: current!.session.id };
}

export async function revokeSession(_state: FormState, formData: FormData): Promise<FormState> {
  const { user, currentSessionId } = await currentOrSignIn();
  const parsed = sessionId.safeParse(formData.get("sessionId"));
  if (!parsed.success) return { ok: false, code: "not_found:session", message: "That session does not exist." };
  const removed = await deleteUserSession({ userId: user.id, id: parsed.data });
  if (removed === 0) return { ok: false, code: "not_found:session", message: "That session does not exist." };
  await recordSecurityEvent({ userId: user.id, type: "session_revoked", detail: { scope: "one" } });
  if (parsed.data === currentSessionId) await signOut({ redirectTo: "/login" });
  revalidatePath("/settings/security");
  return { ok: true, message: "Session signed out." };
}

export async function signOutOtherSessions(): Promise<FormState> {
  const { user, currentSessionId } = await currentOrSignIn();
  const count = await deleteUserSessionsExcept({ userId: user.id, exceptId: currentSessionId });
  await recordSecurityEvent({ userId: user.id, type: "session_revoked", detail: { scope: "others", count } });
  revalidatePath("/settings/security");
  return { ok: true, message: count === 1 ? "Signed out 1 other session." : `Signed out ${count} other sessions.` };
}

export async function signOutEverywhere(): Promise<FormState> {
  const { user } = await currentOrSignIn();
  const count = await deleteAllUserSessions({ userId: user.id });
  await recordSecurityEvent({ userId: user.id, type: "session_revoked", detail: { scope: "all", count } });
  await signOut({ redirectTo: "/login" });
  return { ok: true };
}
