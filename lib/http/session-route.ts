import "server-only";
import { requireApiUser, type CurrentUser } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { isCrossOriginWrite } from "./cross-origin";
import { setServerTiming } from "./server-timing";

type RouteContext<P> = { params: Promise<P> };
type SessionHandler<P> = (request: Request, context: { params: P; user: CurrentUser }) => Promise<Response>;

// Every cookie-authenticated route handler: cross-site writes refused, the session checked in the
// database, errors turned into JSON without internals, and nothing cached. Server-Timing tells the
// session check (auth) from the whole handler up to the response head (app).
// allowPending: the few routes a pending account may use (its own data); everything else answers 403.
export function sessionRoute<P = Record<string, never>>(handler: SessionHandler<P>, options: { allowPending?: boolean } = {}) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const started = performance.now();
    try {
      if (isCrossOriginWrite(request, env.AUTH_URL)) {
        throw new AppError("forbidden:cross_origin", "Cross-site requests are not allowed.");
      }
      const authStarted = performance.now();
      const user = await requireApiUser(options);
      const auth = performance.now() - authStarted;
      const response = await handler(request, { params: await context.params, user });
      response.headers.set("cache-control", "no-store");
      setServerTiming(response, { auth, app: performance.now() - started });
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}
