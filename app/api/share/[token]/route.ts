// GET /api/share/<token> — the public snapshot behind a share link (no session; limited per IP)
import { errorResponse } from "@/lib/errors";
import { requestInfoFrom } from "@/lib/http/request-info";
import { routeHandler, type RouteContext } from "@/lib/http/route-handler";
import { readSharedSnapshot } from "@/lib/shares/read";

// No session to check: the token is the credential, and readSharedSnapshot spends the caller's IP budget.
export const GET = routeHandler<RouteContext<{ token: string }>>({ refuseCrossSite: true, errorResponse }, async (request, context, extras) => {
  const { token } = await context.params;
  const { share, messages, limitHeaders } = await extras.time("share", () =>
    readSharedSnapshot({ token, request: requestInfoFrom(request.headers), countView: true }),
  );
  Object.assign(extras.headers, limitHeaders);
  const { ownerName, ...rest } = share;
  return Response.json({ share: { ...rest, ...(ownerName ? { sharedBy: ownerName } : {}) }, messages });
});
