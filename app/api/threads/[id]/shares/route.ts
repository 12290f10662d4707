// POST /api/threads/[id]/shares — a share link to a snapshot of one of the signed-in user's threads
import { readJsonBody } from "@/lib/http/json-body";
import { requestInfoFrom } from "@/lib/http/request-info";
import { sessionRoute } from "@/lib/http/session-route";
import { createShareForUser } from "@/lib/shares/manage";
import { createShareInput } from "@/lib/validations/shares";

export const POST = sessionRoute<{ id: string }>(async (request, { params, user }) => {
  const data = await readJsonBody(request, { maxBytes: 4096, schema: createShareInput });
  const share = await createShareForUser({ user, threadId: params.id, data, request: requestInfoFrom(request.headers) });
  return Response.json({ share }, { status: 201 });
});
