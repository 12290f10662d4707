import "server-only";
import { getCurrentSession, type CurrentUser } from "@/lib/auth/guard";
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { roleOf, statusOf } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { isCrossOriginWrite } from "./cross-origin";
import { requestInfoFrom, type RequestInfo } from "./request-info";
import { unknownRouteResponse } from "./unknown-route";

type RouteContext<P> = { params: Promise<P> };
type AdminHandler<P> = (request: Request, context: { params: P; admin: CurrentUser; info: RequestInfo }) => Promise<Response>;
type Method = "GET" | "POST" | "PATCH" | "DELETE";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// Every /api/admin/* handler. For anyone but an active admin the route does not exist: the same 404 as an
// unknown path, for every method (an unhandled method would otherwise answer 405 and give the route away).
// Then as sessionRoute: cross-site writes refused, errors as JSON without internals, nothing cached; and
// writes need a recent sign-in, as keys and passkeys do.
export function adminRoutes<P = Record<string, never>>(handlers: Partial<Record<Method, AdminHandler<P>>>) {
  const route = (method: (typeof METHODS)[number]) => async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let current: Awaited<ReturnType<typeof getCurrentSession>>;
    try {
      current = await getCurrentSession();
    } catch (error) {
      return errorResponse(error);
    }
    if (!current || roleOf(current.user.role) !== "admin" || statusOf(current.user.status) !== "active") return unknownRouteResponse();
    try {
      const handler = handlers[method as Method];
      if (!handler) throw new AppError("bad_request:method", `${method} is not supported here.`, { headers: { allow: Object.keys(handlers).join(", ") } });
      if (isCrossOriginWrite(request, env.AUTH_URL)) throw new AppError("forbidden:cross_origin", "Cross-site requests are not allowed.");
      if (method !== "GET") await requireRecentSignIn();
      const response = await handler(request, { params: await context.params, admin: current.user, info: requestInfoFrom(request.headers) });
      response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.fromEntries(METHODS.map((method) => [method, route(method)])) as Record<(typeof METHODS)[number], ReturnType<typeof route>>;
}
