// Edge-safe: middleware reads these without importing Auth.js, Prisma or env.
export const SESSION_COOKIE = "authjs.session-token";
// On https: the __Host- prefix makes browsers refuse the cookie unless it is Secure, has Path=/ and no
// Domain, so a sibling subdomain cannot plant a domain-wide session cookie (login CSRF into its account).
export const HOST_SESSION_COOKIE = "__Host-authjs.session-token";
// What earlier releases (Auth.js's default) used on https. Never trusted: a __Secure- cookie can be set by any
// sibling subdomain for the whole domain, so re-issuing it under the new name would launder exactly the
// planted cookie the prefix change is about. It is cleared, and its session ended (one sign-in again).
export const LEGACY_SESSION_COOKIE = "__Secure-authjs.session-token";
export const SESSION_COOKIE_NAMES = [HOST_SESSION_COOKIE, SESSION_COOKIE] as const;

export type SessionCookieConfig = {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
};

// The session cookie as Auth.js and our passkey sign-in set it. No `domain`: a __Host- cookie must not have one.
export function sessionCookieConfig(secure: boolean): SessionCookieConfig {
  return {
    name: secure ? HOST_SESSION_COOKIE : SESSION_COOKIE,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure },
  };
}
