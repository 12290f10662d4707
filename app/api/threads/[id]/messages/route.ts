// GET /api/threads/[id]/messages?before=&limit= — a page of history, newest page first, each page oldest first
import { getMessagePage } from "@/lib/chat/threads";
import { sessionRoute } from "@/lib/http/session-route";
import { messageListQuery } from "@/lib/validations/threads";

export const GET = sessionRoute<{ id: string }>(async (request, { params, user }) => {
  const { before, limit } = messageListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { messages, nextCursor } = await getMessagePage({ userId: user.id, threadId: params.id, before, limit });
  return Response.json({ messages, nextCursor });
});
