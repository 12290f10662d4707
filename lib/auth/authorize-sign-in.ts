import "server-only";
import type { Account, Profile, User } from "next-auth";
import { auditSignUpRefused, mayCreateAccount } from "./admission";
import { authorizeOAuthSignIn } from "./linking";
import { SIGN_UP_CLOSED_URL } from "./sign-up-closed";
import { accountExists, refuseIfSuspended } from "./standing";

// Auth.js's signIn callback: true to go on, or the URL of the page that explains a refusal. It runs before
// Auth.js writes any user, account or session, and for magic links also before the mail is sent.
// What anyone who asks for a magic link sees: an address that may not sign up gets it too, but no mail.
const CHECK_EMAIL_URL = "/login/check-email";

export async function authorizeSignIn(params: {
  user: User;
  account?: Account | null;
  profile?: Profile;
  email?: { verificationRequest?: boolean };
}): Promise<boolean | string> {
  const { user, account } = params;
  if (account?.type === "email") return authorizeEmailSignIn(user, params.email?.verificationRequest === true);
  return authorizeOAuthSignIn({ account, profile: params.profile });
}

// Auth.js hands over the user with this address, or a made-up one (a fresh random id) when there is none.
async function authorizeEmailSignIn(user: User, verificationRequest: boolean): Promise<boolean | string> {
  if (user.id && (await accountExists(user.id))) {
    // The link goes out as for anyone (a suspended account learns nothing here that its owner's mailbox
    // would not); using it shows the suspension.
    if (verificationRequest) return true;
    return (await refuseIfSuspended(user.id, "email")) ?? true;
  }
  const decision = await mayCreateAccount(user.email ?? null);
  if (decision.allowed) return true;
  await auditSignUpRefused(user.email ?? null, "email");
  return verificationRequest ? CHECK_EMAIL_URL : SIGN_UP_CLOSED_URL;
}
