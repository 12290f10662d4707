// GET /v1/threads?q=&cursor= — the key owner's chat threads, newest first (needs threads:read)
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { listOwnThreads } from "@/lib/chat/threads";
import { invalidBody } from "@/lib/openai-compat/errors";
import { threadsQuery } from "@/lib/validations/openai";

export const GET = withApiKey({ scope: "threads:read" }, async (request, { key }) => {
  const parsed = threadsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw invalidBody(parsed.error);
  const { threads, nextCursor } = await listOwnThreads({ userId: key.userId, q: parsed.data.q, cursor: parsed.data.cursor });
  return Response.json({
    object: "list",
    data: threads.map((thread) => ({ id: thread.id, object: "thread", title: thread.title, updated_at: Math.floor(thread.updatedAt.getTime() / 1000) })),
    next_cursor: nextCursor,
  });
});
