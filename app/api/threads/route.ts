// GET /api/threads?q=&cursor= — the signed-in user's threads, newest first, paged
import { toApiThread } from "@/lib/chat/serialize";
import { listOwnThreads } from "@/lib/chat/threads";
import { sessionRoute } from "@/lib/http/session-route";
import { consumeRateLimit, rateLimitedError, rateLimitHeaders } from "@/lib/rate-limit/limiter";
import { threadListQuery } from "@/lib/validations/threads";

// A search scans the user's messages, so it has a per-user budget (RATE_LIMIT_SEARCH); plain paging does not.
export const GET = sessionRoute(async (request, { user }) => {
  const { q, cursor } = threadListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const limit = q ? await consumeRateLimit("search", user.id) : null;
  if (limit && !limit.allowed) throw rateLimitedError(limit, "Too many searches. Please wait and try again.");
  const page = await listOwnThreads({ userId: user.id, q, cursor });
  return Response.json(
    { threads: page.threads.map(toApiThread), nextCursor: page.nextCursor },
    { headers: limit ? rateLimitHeaders(limit) : {} },
  );
});
