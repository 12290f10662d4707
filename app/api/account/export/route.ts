// GET /api/account/export — everything Keyline holds about the signed-in user, as a JSON download
import { exportOwnData } from "@/lib/user-data/manage";
import { sessionRoute } from "@/lib/http/session-route";
import { consumeRateLimit, rateLimitedError, rateLimitHeaders } from "@/lib/rate-limit/limiter";

// Reads the user's whole history, so it has a per-user budget (RATE_LIMIT_EXPORT) like the other costly calls.
export const GET = sessionRoute(async (_request, { user }) => {
  const limit = await consumeRateLimit("export", user.id);
  if (!limit.allowed) throw rateLimitedError(limit, "Too many exports. Please wait and try again.");
  const data = await exportOwnData({ userId: user.id });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      ...rateLimitHeaders(limit),
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="keyline-export-${new Date().toISOString().slice(0, 10)}.json"`,
    },
  });
}, { allowPending: true });
