import "server-only";
import { AuthError } from "next-auth";
import { invitationStatus } from "@/lib/admin/invitation-status";
import { findInvitationByTokenHash } from "@/lib/db/queries/invitations";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/http/request-info";
import { signIn } from "./config";
import { runWithSignInContext, type SignInContext } from "./sign-in-context";
import { limitSignInAttempt } from "./sign-in-limits";
import { sha256Hex } from "./tokens";

const TOKEN_SHAPE = /^[\w-]{43}$/;

// The invitation a mailed link names, if it can still be used. Unknown, used, revoked and expired all come
// back as null: the page says the same thing for each.
export async function findUsableInvitation(token: string) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await findInvitationByTokenHash({ tokenHash: sha256Hex(token) });
  return row && invitationStatus(row) === "pending" ? row : null;
}

// Accepting an invitation proves nothing by itself: it mails a magic link to the invited address and to no
// other, and the account is made (using the invitation up) only when that link is used. Counted against the
// per-IP sign-in limit, like the sign-in form, and the per-address mail limit where the mail is sent.
export async function startInvitationSignIn(token: string, request: RequestInfo): Promise<void> {
  if (await limitSignInAttempt({ ip: request.ip })) throw new AppError("rate_limited:sign_in", "Too many sign-in attempts.");
  const invitation = await findUsableInvitation(token);
  if (!invitation) throw new AppError("not_found:invitation", "This invitation cannot be used.");
  const context: SignInContext = { ...request, method: "email" };
  try {
    await runWithSignInContext(context, () => signIn("email", { email: invitation.email, redirectTo: "/chat", redirect: false }));
  } catch (error) {
    if (error instanceof AuthError) console.error(`[auth] invitation sign-in link not sent: ${error.name}`);
    throw error;
  }
  if (context.mailLimited) throw new AppError("rate_limited:sign_in", "Too many sign-in emails requested.");
}
