// Edge-safe: middleware reads these without importing Auth.js, Prisma or env.
// Auth.js prefixes the cookie with __Secure- when AUTH_URL is https.
export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";
export const SESSION_COOKIE_NAMES = [SECURE_SESSION_COOKIE, SESSION_COOKIE] as const;
