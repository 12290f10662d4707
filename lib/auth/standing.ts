import "server-only";
import { auditSignInRefusal } from "@/lib/admin/sign-in-refusals";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { findUserStanding } from "@/lib/db/queries/users";
import { statusOf } from "./roles";
import { currentSignInContext } from "./sign-in-context";
import { suspensionNoticeUrl } from "./suspension-notice";

// A sign-in into an existing account: null to go on, or the page that says the account is suspended (no
// session is made). Logged in the account's own security log.
export async function refuseIfSuspended(userId: string, method: string): Promise<string | null> {
  const user = await findUserStanding({ userId });
  if (!user || statusOf(user.status) !== "suspended") return null;
  const request = currentSignInContext();
  await recordSecurityEvent({ userId, type: "sign_in_failed", request, detail: { method, reason: "suspended" } });
  await auditSignInRefusal({ action: "sign_in.suspended", user: { id: userId, email: user.email }, email: user.email, provider: method, reason: "suspended", request });
  return suspensionNoticeUrl(userId);
}

export async function accountExists(userId: string): Promise<boolean> {
  return (await findUserStanding({ userId })) !== null;
}
