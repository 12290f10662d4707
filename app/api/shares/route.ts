// GET /api/shares?cursor= — the signed-in user's share links, newest first, paged; DELETE — revoke them all
import { requestInfoFrom } from "@/lib/http/request-info";
import { sessionRoute } from "@/lib/http/session-route";
import { listSharesForUser, revokeAllSharesForUser } from "@/lib/shares/manage";
import { shareListQuery } from "@/lib/validations/shares";

export const GET = sessionRoute(async (request, { user }) => {
  const { cursor } = shareListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listSharesForUser({ userId: user.id, cursor }));
});

export const DELETE = sessionRoute(async (request, { user }) => {
  const revoked = await revokeAllSharesForUser({ userId: user.id, request: requestInfoFrom(request.headers) });
  return Response.json({ revoked });
});
