import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withBenchUngated } from "./bench-ungated";
import { LEGACY_SESSION_COOKIE } from "./cookie-names";
import { safeCallbackPath } from "./callback-url";
import { PATHNAME_HEADER } from "./gate";
import { statusOf } from "./roles";
import { sessionCookieName } from "./session-cookie";
import { deleteSessionToken, validateSessionToken } from "./session-store";

const lookUpSession = env.BENCH_UNGATED_SECRET ? withBenchUngated(validateSessionToken, env.BENCH_UNGATED_SECRET) : validateSessionToken;

// Only the cookie name this origin issues: over https a plain-named cookie could have been planted.
// Suspended accounts never get this far (session-store ends their sessions); pending ones do.
export const getCurrentSession = cache(async () => {
  const jar = await cookies();
  // An earlier release's cookie (cookie-names.ts) is never a session: its row is ended here (reached on /login,
  // where the gate sends everyone without a current cookie), and middleware clears the cookie there.
  const legacy = jar.get(LEGACY_SESSION_COOKIE)?.value;
  if (legacy) await deleteSessionToken(legacy);
  const token = jar.get(sessionCookieName)?.value;
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
