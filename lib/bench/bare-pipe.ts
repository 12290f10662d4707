import "server-only";
import { env } from "@/lib/env";
import { unknownRouteResponse } from "@/lib/http/unknown-route";
import { matchesBenchSecret, UNGATED_HEADER } from "./secret";

// Benchmarks only (docs/benchmarks.md, "CPU per streamed reply"): the physical floor a streamed reply is
// compared with, a route handler that checks nothing and pipes the model server's SSE to the client.
// It exists only while BENCH_UNGATED_SECRET is set (which lib/env.ts refuses unless AUTH_URL is a
// loopback origin) and only for a request carrying that secret; anyone else gets the unknown-path 404.
export async function barePipe(request: Request): Promise<Response> {
  if (!env.OPENAI_BASE_URL || !matchesBenchSecret(request.headers.get(UNGATED_HEADER), env.BENCH_UNGATED_SECRET)) return unknownRouteResponse();
  const upstream = await fetch(`${env.OPENAI_BASE_URL}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${env.OPENAI_API_KEY ?? ""}` },
    body: request.body,
    // @ts-expect-error Node's fetch needs this to send a streamed body.
    duplex: "half",
    signal: request.signal,
  });
  return new Response(upstream.body, { status: upstream.status, headers: { "content-type": "text/event-stream" } });
}
