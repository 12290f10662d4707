import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestInfo } from "@/lib/http/request-info";

// Auth.js creates sessions without telling the adapter which request or method it serves;
// the Auth.js route handler runs inside this context so the session row can record both.
export type SignInContext = RequestInfo & { method: string | null };

const storage = new AsyncLocalStorage<SignInContext>();

export function runWithSignInContext<T>(context: SignInContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentSignInContext(): SignInContext {
  return storage.getStore() ?? { ip: null, userAgent: null, method: null };
}
