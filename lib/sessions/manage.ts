import "server-only";
import { deleteAllUserSessions, deleteUserSession, deleteUserSessionsExcept } from "@/lib/db/queries/sessions";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/http/request-info";

// A user's own sessions: each sign-out is written together with its security-log entry.

export function sessionNotFound(): AppError {
  return new AppError("not_found:session", "That session does not exist.");
}

// Scoped by owner: another user's session id answers exactly like one that does not exist.
export async function revokeOwnSession(input: { userId: string; id: string; request: RequestInfo }): Promise<void> {
  const { userId, id, request } = input;
  if ((await deleteUserSession({ userId, id })) === 0) throw sessionNotFound();
  await recordSecurityEvent({ userId, type: "session_revoked", request, detail: { scope: "one" } });
}

export async function revokeOtherSessions(input: { userId: string; currentSessionId: string; request: RequestInfo }): Promise<number> {
  const { userId, currentSessionId, request } = input;
  const count = await deleteUserSessionsExcept({ userId, exceptId: currentSessionId });
  await recordSecurityEvent({ userId, type: "session_revoked", request, detail: { scope: "others", count } });
  return count;
}

export async function revokeAllSessions(input: { userId: string; request: RequestInfo }): Promise<number> {
  const { userId, request } = input;
  const count = await deleteAllUserSessions({ userId });
  await recordSecurityEvent({ userId, type: "session_revoked", request, detail: { scope: "all", count } });
  return count;
}

// The session row itself is ended by Auth.js's signOut, which the caller runs next (it sets the cookie).
export async function recordSignOut(input: { userId: string; request: RequestInfo }): Promise<void> {
  await recordSecurityEvent({ userId: input.userId, type: "sign_out", request: input.request });
}
