// DELETE /api/keys/[id] — revoke one of the signed-in user's keys (someone else's id is a 404)
import { apiKeyNotFound, revokeKeyForUser } from "@/lib/api-keys/manage";
import { requestInfoFrom } from "@/lib/http/request-info";
import { sessionRoute } from "@/lib/http/session-route";
import { apiKeyIdParam } from "@/lib/validations/api-keys";

export const DELETE = sessionRoute<{ id: string }>(async (request, { params, user }) => {
  const parsed = apiKeyIdParam.safeParse(params);
  if (!parsed.success) throw apiKeyNotFound();
  await revokeKeyForUser({ userId: user.id, id: parsed.data.id, request: requestInfoFrom(request.headers) });
  return Response.json({ revoked: true });
});
