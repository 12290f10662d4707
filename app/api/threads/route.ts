// GET /api/threads?q=&cursor= — the signed-in user's threads, newest first, paged
import { toApiThread } from "@/lib/chat/serialize";
import { listOwnThreads } from "@/lib/chat/threads";
import { sessionRoute } from "@/lib/http/session-route";
import { threadListQuery } from "@/lib/validations/threads";

export const GET = sessionRoute(async (request, { user }) => {
  const { q, cursor } = threadListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listOwnThreads({ userId: user.id, q, cursor });
  return Response.json({ threads: page.threads.map(toApiThread), nextCursor: page.nextCursor });
});
