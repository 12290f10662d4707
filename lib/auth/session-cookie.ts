import "server-only";
import { env } from "@/lib/env";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./cookie-names";
import { createSession } from "./session-store";
import { generateToken } from "./tokens";

// Sign-ins that happen outside Auth.js (passkeys) end in the same place as Auth.js's own: a database
// session row (hashed token, device data) and the cookie Auth.js would set, with the same name and flags.
// The gate, the guard, the session list and Auth.js's signOut then cannot tell them apart.
export const sessionCookieName = env.useSecureCookies ? SECURE_SESSION_COOKIE : SESSION_COOKIE;

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
  return {
    name: sessionCookieName,
    value: token,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: env.useSecureCookies, expires: session.expires },
  };
}
