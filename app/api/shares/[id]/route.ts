// DELETE /api/shares/[id] — revoke one of the signed-in user's share links (someone else's id is a 404)
import { requestInfoFrom } from "@/lib/http/request-info";
import { sessionRoute } from "@/lib/http/session-route";
import { revokeShareForUser } from "@/lib/shares/manage";

export const DELETE = sessionRoute<{ id: string }>(async (request, { params, user }) => {
  await revokeShareForUser({ userId: user.id, id: params.id, request: requestInfoFrom(request.headers) });
  return Response.json({ revoked: true });
});
