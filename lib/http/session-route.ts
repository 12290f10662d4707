import "server-only";
import { requireApiUser, type CurrentUser } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { isCrossOriginWrite } from "./cross-origin";

type RouteContext<P> = { params: Promise<P> };
type SessionHandler<P> = (request: Request, context: { params: P; user: CurrentUser }) => Promise<Response>;

// Every cookie-authenticated route handler: cross-site writes refused, the session checked in the
// database, errors turned into JSON without internals, and nothing cached.
export function sessionRoute<P = Record<string, never>>(handler: SessionHandler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      if (isCrossOriginWrite(request, env.AUTH_URL)) {
        throw new AppError("forbidden:cross_origin", "Cross-site requests are not allowed.");
      }
      const user = await requireApiUser();
      const response = await handler(request, { params: await context.params, user });
      response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}
