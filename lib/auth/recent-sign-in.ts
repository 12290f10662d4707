import "server-only";
import { AppError } from "@/lib/errors";
import { assertActive, getCurrentSession, type CurrentUser } from "./guard";

// Sensitive changes (passkeys, unlinking, API keys, deleting the account) need a sign-in within this window.
export const RECENT_SIGN_IN_MS = 10 * 60_000;

export const REAUTH_CODE = "forbidden:reauthenticate" as const;

export async function requireRecentSignIn(options: { allowPending?: boolean } = {}): Promise<CurrentUser> {
  const current = await getCurrentSession();
  if (!current) throw new AppError("unauthorized:session", "Sign in to continue.");
  assertActive(current.user, options);
  if (Date.now() - current.session.createdAt.getTime() > RECENT_SIGN_IN_MS) {
    throw new AppError(REAUTH_CODE, "For your security, sign in again (within the last 10 minutes) to do this.");
  }
  return current.user;
}

export function reauthenticateUrl(returnTo: string): string {
  return `/login?${new URLSearchParams({ callbackUrl: returnTo, reauth: "1" })}`;
}
