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
import { sessionCookieName } from "./session-cookie";
import { deleteSessionToken, validateSessionToken } from "./session-store";

const lookUpSession = env.BENCH_UNGATED_SECRET ? withBenchUngated(validateSessionToken, env.BENCH_UNGATED_SECRET) : validateSessionToken;

// Only the cookie name this origin issues: over https a plain-named cookie could have been planted.
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
