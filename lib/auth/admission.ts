import "server-only";
import { createUserWithStanding, isFirstAccountClaimed } from "@/lib/db/queries/users";
import { env } from "@/lib/env";
import { decideSignUp, type SignUpDecision, type SignUpPolicy } from "./sign-up-policy";

// The sign-up policy applied: every way in creates its user through admitNewUser (the adapter's createUser),
// and the signIn callback asks mayCreateAccount first, so a refusal happens before any mail or row.

export function currentSignUpPolicy(): SignUpPolicy {
  return { mode: env.SIGNUP, domains: env.SIGNUP_DOMAINS, adminEmails: env.ADMIN_EMAILS };
}

// A check before the fact (the first-account claim may still be lost to a concurrent sign-up; admitNewUser
// decides again atomically).
export async function mayCreateAccount(email: string | null): Promise<SignUpDecision> {
  const policy = currentSignUpPolicy();
  const firstAccount = policy.adminEmails.length === 0 && !(await isFirstAccountClaimed());
  return decideSignUp(policy, { email, firstAccount });
}

// `email` must be verified by the way in (see lib/auth/sign-up-policy.ts); the adapter only ever receives
// verified addresses, so it passes what Auth.js gives it.
export async function admitNewUser(data: { name?: string | null; email?: string | null; emailVerified?: Date | null; image?: string | null }) {
  const email = data.email ?? null;
  return createUserWithStanding(data, ({ firstAccount }) => {
    const decision = decideSignUp(currentSignUpPolicy(), { email, firstAccount });
    return decision.allowed ? { role: decision.role, status: decision.status } : null;
  });
}
