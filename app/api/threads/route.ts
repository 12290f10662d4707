// GET /api/threads?q=&cursor= — the signed-in user's threads, newest first, paged
import { listThreads } from "@/lib/db/queries/threads";
import { sessionRoute } from "@/lib/http/session-route";
import { decodeCursor } from "@/lib/pagination/cursor";
import { threadListQuery } from "@/lib/validations/threads";

export const GET = sessionRoute(async (request, { user }) => {
  const { q, cursor } = threadListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listThreads({ userId: user.id, q, cursor: decodeCursor(cursor) }));
});
