import "server-only";
import { audited, type AuditInput } from "@/lib/admin/audited";
import { notifyAdminsOfPendingAccount } from "@/lib/admin/pending-notice";
import { auditSignInRefusal } from "@/lib/admin/sign-in-refusals";
import { consumeLiveInvitation, findLiveInvitation, type InvitationRow } from "@/lib/db/queries/invitations";
import { createUserWithStanding, isFirstAccountClaimed } from "@/lib/db/queries/users";
import { env } from "@/lib/env";
import { roleOf } from "./roles";
import { currentSignInContext } from "./sign-in-context";
import { decideSignUp, type SignUpDecision, type SignUpPolicy } from "./sign-up-policy";

// The sign-up policy applied: every way in creates its user through admitNewUser (the adapter's createUser),
// and the signIn callback asks mayCreateAccount first, so a refusal happens before any mail or row.

export function currentSignUpPolicy(): SignUpPolicy {
  return { mode: env.SIGNUP, domains: env.SIGNUP_DOMAINS, adminEmails: env.ADMIN_EMAILS };
}

// A check before the fact (the first-account claim may still be lost to a concurrent sign-up, an invitation
// to a concurrent use or a revocation; admitNewUser decides again atomically).
export async function mayCreateAccount(email: string | null): Promise<SignUpDecision> {
  const policy = currentSignUpPolicy();
  const [firstAccount, invitation] = await Promise.all([
    policy.adminEmails.length === 0 ? isFirstAccountClaimed().then((claimed) => !claimed) : Promise.resolve(false),
    email ? findLiveInvitation({ email }) : Promise.resolve(null),
  ]);
  return decideSignUp(policy, { email, firstAccount, invitation: invitation ? { role: roleOf(invitation.role) } : null });
}

// The policy said no (only invite mode does): on the audit trail, as the caller has already been counted
// against the per-IP sign-in limit. The person sees the same neutral answer as before.
export async function auditSignUpRefused(email: string | null, provider: string): Promise<void> {
  const context = currentSignInContext();
  await auditSignInRefusal({
    action: "sign_in.sign_up_refused",
    email,
    provider,
    reason: currentSignUpPolicy().mode === "invite" ? "not_invited" : "sign_up_closed",
    request: { ip: context.ip, userAgent: context.userAgent },
  });
}

function invitationUsed(user: { id: string; email: string | null }, invitation: InvitationRow): AuditInput {
  const context = currentSignInContext();
  return {
    action: "invitation.use",
    actor: { id: user.id, email: user.email },
    target: { id: user.id, email: user.email },
    request: { ip: context.ip, userAgent: context.userAgent },
    detail: { invitation: invitation.id, role: roleOf(invitation.role), invitedBy: invitation.invitedByEmail, provider: context.method ?? "unknown" },
  };
}

// `email` must be verified by the way in (see lib/auth/sign-up-policy.ts); the adapter only ever receives
// verified addresses, so it passes what Auth.js gives it. A live invitation for the address is used up in
// the transaction that creates the account, with its audit entry: of two sign-ups at once, one account.
export async function admitNewUser(data: { name?: string | null; email?: string | null; emailVerified?: Date | null; image?: string | null }) {
  const email = data.email ?? null;
  const user = await audited(async (tx) => {
    let invitation: InvitationRow | null = null;
    const created = await createUserWithStanding(
      data,
      async ({ firstAccount, userId }) => {
        invitation = email ? await consumeLiveInvitation(tx, { email, userId, now: new Date() }) : null;
        const decision = decideSignUp(currentSignUpPolicy(), { email, firstAccount, invitation: invitation ? { role: roleOf(invitation.role) } : null });
        return decision.allowed ? { role: decision.role, status: decision.status } : null;
      },
      tx,
    );
    return { result: created, audit: invitation ? [invitationUsed(created, invitation)] : [] };
  });
  if (user.status === "pending") notifyAdminsOfPendingAccount({ id: user.id, email: user.email });
  return user;
}
