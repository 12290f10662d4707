import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isCrossOriginWrite } from "./cross-origin";
import { bodyLeftUnread } from "./read-capped-body";
import { setServerTiming, type Timings } from "./server-timing";

export type RouteContext<P> = { params: Promise<P> };

// What a wrapper adds to its answer, success or refusal alike: headers (rate-limit state, a request id)
// and named durations for Server-Timing.
export type ResponseExtras = {
  headers: Record<string, string>;
  time<T>(name: string, work: () => Promise<T>): Promise<T>;
};

type Options = {
  // Cookie-authenticated and sign-in routes refuse cross-site writes; the developer API reads no cookies.
  refuseCrossSite: boolean;
  // Each surface's error shape (the app's JSON, OpenAI's); never internals.
  errorResponse: (error: unknown) => Response;
};

// The request plumbing every wrapper shares (sessionRoute, withApiKey, the passkey sign-in routes, and
// whatever comes next): the cross-site rule, errors turned into the surface's shape, nothing cached, and
// Server-Timing with the wrapper's steps and the whole handler up to the response head (app).
export function routeHandler<C>(options: Options, run: (request: Request, context: C, extras: ResponseExtras) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const started = performance.now();
    const timings: Timings = {};
    const extras: ResponseExtras = {
      headers: {},
      async time(name, work) {
        const from = performance.now();
        try {
          return await work();
        } finally {
          timings[name] = performance.now() - from;
        }
      },
    };
    let response: Response;
    try {
      if (options.refuseCrossSite && isCrossOriginWrite(request, env.AUTH_URL)) {
        throw new AppError("forbidden:cross_origin", "Cross-site requests are not allowed.");
      }
      response = await run(request, context, extras);
    } catch (error) {
      response = options.errorResponse(error);
    }
    for (const [name, value] of Object.entries(extras.headers)) response.headers.set(name, value);
    response.headers.set("cache-control", "no-store");
    // A refusal that never read the body (or read part of it) leaves the rest on the connection: close it.
    if (bodyLeftUnread(request) || (response.status >= 400 && request.body && !request.bodyUsed)) response.headers.set("connection", "close");
    setServerTiming(response, { ...timings, app: performance.now() - started });
    return response;
  };
}
