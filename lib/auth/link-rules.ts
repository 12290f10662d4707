import type { AssertedEmail } from "./provider-identity";

// Who an OAuth/OIDC sign-in may reach. Pure: lib/auth/linking.ts gathers the facts and acts on the answer.
//
//  signed in?  provider account        result
//  no          linked to a user        sign in as that user
//  no          new, email unused       create a user (sign_up)
//  no          new, email of a user    link to that user only if the provider verified the email
//  yes         linked to this user     a fresh sign-in (the old session is replaced)
//  yes         linked to another user  refused
//  yes         new                     link to the signed-in user, if they signed in recently

export type LinkReason = "sign_up" | "verified_email" | "settings";

export type LinkRefusal = "unverified_email" | "account_in_use" | "reauthenticate";

export type LinkDecision =
  | { kind: "sign_in" }
  | { kind: "replace_session" }
  | { kind: "link"; reason: LinkReason }
  | { kind: "refuse"; refusal: LinkRefusal };

export type LinkFacts = {
  accountOwnerId: string | null;
  session: { userId: string; createdAt: Date } | null;
  asserted: AssertedEmail;
  emailOwnerId: string | null;
  now: number;
  recentSignInMs: number;
};

export function decideOAuthSignIn(facts: LinkFacts): LinkDecision {
  const { accountOwnerId, session, asserted, emailOwnerId } = facts;
  if (session) {
    if (accountOwnerId === session.userId) return { kind: "replace_session" };
    if (accountOwnerId) return { kind: "refuse", refusal: "account_in_use" };
    // A new way into the account: the same bar as adding a passkey.
    if (facts.now - session.createdAt.getTime() > facts.recentSignInMs) return { kind: "refuse", refusal: "reauthenticate" };
    return { kind: "link", reason: "settings" };
  }
  if (accountOwnerId) return { kind: "sign_in" };
  if (asserted.email && emailOwnerId) {
    return asserted.verified ? { kind: "link", reason: "verified_email" } : { kind: "refuse", refusal: "unverified_email" };
  }
  return { kind: "link", reason: "sign_up" };
}
