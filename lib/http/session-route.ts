import "server-only";
import { requireApiUser, type CurrentUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors";
import { routeHandler, type RouteContext } from "./route-handler";

type SessionHandler<P> = (request: Request, context: { params: P; user: CurrentUser }) => Promise<Response>;

// Every cookie-authenticated route handler: cross-site writes refused, the session checked in the
// database (Server-Timing: auth), errors as the app's JSON without internals, nothing cached.
// allowPending: the few routes a pending account may use (its own data); everything else answers 403.
export function sessionRoute<P = Record<string, never>>(handler: SessionHandler<P>, options: { allowPending?: boolean } = {}) {
  return routeHandler<RouteContext<P>>({ refuseCrossSite: true, errorResponse }, async (request, context, extras) => {
    const user = await extras.time("auth", () => requireApiUser(options));
    return handler(request, { params: await context.params, user });
  });
}
