// DELETE /api/connected-apps — disconnect every app of the signed-in user (their tokens stop at once)
import { requestInfoFrom } from "@/lib/http/request-info";
import { sessionRoute } from "@/lib/http/session-route";
import { revokeAllConnectedApps } from "@/lib/oauth/manage";

export const DELETE = sessionRoute(async (request, { user }) => {
  const revoked = await revokeAllConnectedApps({ userId: user.id, request: requestInfoFrom(request.headers) });
  return Response.json({ revoked });
});
