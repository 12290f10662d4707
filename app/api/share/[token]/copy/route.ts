// POST /api/share/<token>/copy — "Continue in my account": the snapshot becomes a new thread of the signed-in viewer
import { requestInfoFrom } from "@/lib/http/request-info";
import { sessionRoute } from "@/lib/http/session-route";
import { copyShareForUser } from "@/lib/shares/manage";

export const POST = sessionRoute<{ token: string }>(async (request, { params, user }) => {
  const thread = await copyShareForUser({ userId: user.id, token: params.token, request: requestInfoFrom(request.headers) });
  return Response.json({ thread }, { status: 201 });
});
