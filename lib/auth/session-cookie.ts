import "server-only";
import { env } from "@/lib/env";
import { sessionCookieConfig } from "./cookie-names";
import { createSession } from "./session-store";
import { generateToken } from "./tokens";

// The one session cookie this origin issues (and reads): __Host- on https, plain on http. Auth.js is given
// the same (lib/auth/config.ts), so sign-ins that happen outside Auth.js (passkeys) end in the same place as
// Auth.js's own: a database session row (hashed token, device data) and the same cookie with the same flags.
// The gate, the guard, the session list and Auth.js's signOut then cannot tell them apart.
export const sessionCookie = sessionCookieConfig(env.useSecureCookies);
export const sessionCookieName = sessionCookie.name;

export type SessionCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
};

export async function startSession(input: {
  userId: string;
  ip: string | null;
  userAgent: string | null;
  method: string;
  // The session cookie this browser sent, ended by the new sign-in (lib/auth/session-store.ts).
  replacing: string | null;
}): Promise<SessionCookie> {
  const token = generateToken();
  const session = await createSession({ token, ...input });
  return { name: sessionCookieName, value: token, options: { ...sessionCookie.options, expires: session.expires } };
}
