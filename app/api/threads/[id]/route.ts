// GET, PATCH (rename) and DELETE /api/threads/[id] — one of the signed-in user's threads; anyone else's is a 404
import { toApiThread } from "@/lib/chat/serialize";
import { deleteOwnThread, getOwnThread, renameOwnThread } from "@/lib/chat/threads";
import { readJsonBody } from "@/lib/http/json-body";
import { sessionRoute } from "@/lib/http/session-route";
import { threadTitleInput } from "@/lib/validations/threads";

type Params = { id: string };

export const GET = sessionRoute<Params>(async (_request, { params, user }) => {
  const thread = await getOwnThread({ userId: user.id, id: params.id });
  return Response.json({ thread: { ...toApiThread(thread), model: thread.model, createdAt: thread.createdAt.toISOString() } });
});

export const PATCH = sessionRoute<Params>(async (request, { params, user }) => {
  const { title } = await readJsonBody(request, { maxBytes: 4096, schema: threadTitleInput });
  return Response.json({ thread: await renameOwnThread({ userId: user.id, id: params.id, title }) });
});

export const DELETE = sessionRoute<Params>(async (_request, { params, user }) => {
  await deleteOwnThread({ userId: user.id, id: params.id });
  return new Response(null, { status: 204 });
});
