// GET /api/threads?q=&cursor= — the signed-in user's threads, newest first, paged
import { toApiThread } from "@/lib/chat/serialize";
import { listThreads } from "@/lib/db/queries/threads";
import { sessionRoute } from "@/lib/http/session-route";
import { decodeCursor } from "@/lib/pagination/cursor";
import { threadListQuery } from "@/lib/validations/threads";

export const GET = sessionRoute(async (request, { user }) => {
  const { q, cursor } = threadListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listThreads({ userId: user.id, q, cursor: decodeCursor(cursor) });
  return Response.json({ threads: page.threads.map(toApiThread), nextCursor: page.nextCursor });
});
