import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestInfo } from "@/lib/http/request-info";
import type { RateLimitResult } from "@/lib/rate-limit/limiter";

// Auth.js creates sessions and sends magic links without telling us which request or method it serves;
// the Auth.js route handler and our sign-in actions run inside this context so the session row can record
// both, the session it replaces can be ended, and a refused mail can be reported to the caller.
export type SignInContext = RequestInfo & {
  method: string | null;
  // The session cookie this browser sent, if any: a new sign-in ends it (lib/auth/session-store.ts).
  previousSessionToken?: string | null;
  // Set when the per-address mail limit refused to send a magic link (lib/auth/providers.ts).
  mailLimited?: RateLimitResult;
};

const storage = new AsyncLocalStorage<SignInContext>();

export function runWithSignInContext<T>(context: SignInContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentSignInContext(): SignInContext {
  return storage.getStore() ?? { ip: null, userAgent: null, method: null };
}
