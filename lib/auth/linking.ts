import "server-only";
import type { Account, Profile } from "next-auth";
import { cookies } from "next/headers";
import { findAccountOwnerId, findUserIdByEmail } from "@/lib/db/queries/linked-accounts";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { getCurrentSession } from "./guard";
import { auditSignUpRefused, mayCreateAccount } from "./admission";
import { SIGN_UP_CLOSED_URL } from "./sign-up-closed";
import { refuseIfSuspended } from "./standing";
import { decideOAuthSignIn, type LinkReason, type LinkRefusal } from "./link-rules";
import { assertedEmail, displayIdentity, isOAuthProviderId, type RawProfile } from "./provider-identity";
import { RECENT_SIGN_IN_MS } from "./recent-sign-in";
import { sessionCookieName } from "./session-cookie";
import { deleteSessionToken } from "./session-store";
import { currentSignInContext } from "./sign-in-context";


function refusalUrl(refusal: LinkRefusal, provider: string): string {
  if (refusal === "unverified_email") return `/login/error?${new URLSearchParams({ error: "OAuthAccountNotLinked" })}`;
  return `/settings/security?${new URLSearchParams({ linkError: refusal, provider })}`;
}

// The account object Auth.js passes on to linkAccount and to events carries these for us: the display
// fields the adapter stores, and why a link happened (for the security log).
export function linkReasonOf(account: Account | null | undefined): LinkReason | null {
  const reason = account?.linkReason;
  return reason === "sign_up" || reason === "verified_email" || reason === "settings" ? reason : null;
}

// Auth.js's signIn callback for OAuth/OIDC: true to go on, or the URL of a page that explains a refusal.
// It runs after the provider's answer is verified (state, PKCE, ID token) and before any user, account
// or session is written.
export async function authorizeOAuthSignIn({ account, profile }: { account?: Account | null; profile?: Profile }) {
  if (!account || (account.type !== "oauth" && account.type !== "oidc")) return true;
  if (!isOAuthProviderId(account.provider) || !profile) return false;

  const raw = profile as RawProfile;
  const asserted = assertedEmail(raw);
  const [accountOwnerId, current, emailOwnerId] = await Promise.all([
    findAccountOwnerId({ provider: account.provider, providerAccountId: account.providerAccountId }),
    getCurrentSession(),
    asserted.email ? findUserIdByEmail({ email: asserted.email }) : Promise.resolve(null),
  ]);
  const decision = decideOAuthSignIn({
    accountOwnerId,
    session: current ? { userId: current.user.id, createdAt: current.session.createdAt } : null,
    asserted,
    emailOwnerId,
    now: Date.now(),
    recentSignInMs: RECENT_SIGN_IN_MS,
  });

  switch (decision.kind) {
    case "sign_in":
      return (await refuseIfSuspended(accountOwnerId!, account.provider)) ?? true;
    case "replace_session": {
      // Auth.js would keep the existing session; ending it makes Auth.js issue a fresh one, so signing in
      // again (e.g. to confirm it's you before a sensitive change) counts as a recent sign-in.
      const token = (await cookies()).get(sessionCookieName)?.value;
      if (token) await deleteSessionToken(token);
      return true;
    }
    case "link":
      if (decision.reason === "verified_email") {
        const suspended = await refuseIfSuspended(emailOwnerId!, account.provider);
        if (suspended) return suspended;
      }
      if (decision.reason === "sign_up") {
        // profile() keeps an email only when the provider verified it; so does the policy.
        const admitted = await mayCreateAccount(asserted.verified ? asserted.email : null);
        if (!admitted.allowed) {
          await auditSignUpRefused(asserted.verified ? asserted.email : null, account.provider);
          return SIGN_UP_CLOSED_URL;
        }
      }
      Object.assign(account, { ...displayIdentity(raw), linkReason: decision.reason });
      return true;
    case "refuse":
      if (decision.refusal === "unverified_email" && emailOwnerId) {
        await recordSecurityEvent({
          userId: emailOwnerId,
          type: "sign_in_failed",
          request: currentSignInContext(),
          detail: { method: account.provider, reason: "unverified_email_not_linked" },
        });
      }
      return refusalUrl(decision.refusal, account.provider);
  }
}

// Auth.js's linkAccount event: a provider account was linked to a user (at first sign-in, by verified
// email, or from settings).
export async function recordAccountLinked({ userId, account }: { userId?: string; account: Account }): Promise<void> {
  if (!userId || (account.type !== "oauth" && account.type !== "oidc")) return;
  await recordSecurityEvent({
    userId,
    type: "account_linked",
    request: currentSignInContext(),
    detail: { provider: account.provider, reason: linkReasonOf(account) ?? "unknown" },
  });
}
