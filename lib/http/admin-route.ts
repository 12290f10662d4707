import "server-only";
import { getCurrentSession, type CurrentUser } from "@/lib/auth/guard";
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { roleOf, statusOf } from "@/lib/auth/roles";
import { AppError, errorResponse } from "@/lib/errors";
import { requestInfoFrom, type RequestInfo } from "./request-info";
import { routeHandler, type RouteContext } from "./route-handler";
import { unknownRouteResponse } from "./unknown-route";

type AdminHandler<P> = (request: Request, context: { params: P; admin: CurrentUser; info: RequestInfo }) => Promise<Response>;
type Method = "GET" | "POST" | "PATCH" | "DELETE";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

async function currentAdmin(): Promise<CurrentUser | null> {
  const current = await getCurrentSession();
  if (!current || roleOf(current.user.role) !== "admin" || statusOf(current.user.status) !== "active") return null;
  return current.user;
}

// Every /api/admin/* handler. For anyone but an active admin the route does not exist: the same 404 as an
// unknown path, for every method (an unhandled method would otherwise answer 405 and give the route away),
// checked before anything else can answer differently (the cross-site rule included). Then as sessionRoute
// (lib/http/route-handler.ts), and writes need a recent sign-in, as keys and passkeys do.
export function adminRoutes<P = Record<string, never>>(handlers: Partial<Record<Method, AdminHandler<P>>>) {
  const route = (method: (typeof METHODS)[number]) => async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let admin: CurrentUser | null;
    try {
      admin = await currentAdmin();
    } catch (error) {
      return errorResponse(error);
    }
    if (!admin) return unknownRouteResponse();
    const handle = routeHandler<RouteContext<P>>({ refuseCrossSite: true, errorResponse }, async (req, ctx) => {
      const handler = handlers[method as Method];
      if (!handler) throw new AppError("bad_request:method", `${method} is not supported here.`, { headers: { allow: Object.keys(handlers).join(", ") } });
      if (method !== "GET") await requireRecentSignIn();
      return handler(req, { params: await ctx.params, admin, info: requestInfoFrom(req.headers) });
    });
    return handle(request, context);
  };
  return Object.fromEntries(METHODS.map((method) => [method, route(method)])) as Record<(typeof METHODS)[number], ReturnType<typeof route>>;
}
