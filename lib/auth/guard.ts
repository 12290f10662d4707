import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withBenchUngated } from "./bench-ungated";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./cookie-names";
import { safeCallbackPath } from "./callback-url";
import { PATHNAME_HEADER } from "./gate";
import { statusOf } from "./roles";
import { validateSessionToken } from "./session-store";

// Only the cookie name this origin issues: over https a plain-named cookie could have been planted.
const cookieName = env.useSecureCookies ? SECURE_SESSION_COOKIE : SESSION_COOKIE;

const lookUpSession = env.BENCH_UNGATED_SECRET ? withBenchUngated(validateSessionToken, env.BENCH_UNGATED_SECRET) : validateSessionToken;

// Suspended accounts never get this far (session-store ends their sessions); pending ones do.
export const getCurrentSession = cache(async () => {
  const token = (await cookies()).get(cookieName)?.value;
  return token ? lookUpSession(token) : null;
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentSession>>>["user"];

// Where a pending account is sent from everywhere else: it can wait, see its account settings and sign out.
export const PENDING_PATH = "/pending";

type Options = { allowPending?: boolean };

// Pages and server actions: the signed-in, active user (or, with allowPending, a pending one too), or a
// redirect to /login back to where they were, or to the waiting page.
export async function requireUser(options: Options = {}): Promise<CurrentUser> {
  const current = await getCurrentSession();
  if (current) {
    if (options.allowPending || statusOf(current.user.status) === "active") return current.user;
    redirect(PENDING_PATH);
  }
  const path = (await headers()).get(PATHNAME_HEADER);
  const callbackUrl = safeCallbackPath(path);
  redirect(`/login?${new URLSearchParams({ callbackUrl })}`);
}

export const PENDING_CODE = "forbidden:pending" as const;

export function assertActive(user: CurrentUser, options: Options = {}): CurrentUser {
  if (options.allowPending || statusOf(user.status) === "active") return user;
  throw new AppError(PENDING_CODE, "Your account is waiting for an administrator's approval.");
}

// Route handlers: the signed-in, active user, or a 401 (no session) or 403 (pending) AppError.
export async function requireApiUser(options: Options = {}): Promise<CurrentUser> {
  const current = await getCurrentSession();
  if (current) return assertActive(current.user, options);
  throw new AppError("unauthorized:session", "Sign in to continue.");
}
