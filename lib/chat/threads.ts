import "server-only";
import { listMessages } from "@/lib/db/queries/messages";
import { deleteThread, findThread, listThreads, renameThread } from "@/lib/db/queries/threads";
import { decodeCursor } from "@/lib/pagination/cursor";
import { threadParams } from "@/lib/validations/threads";
import { threadNotFound } from "./errors";
import { toApiMessage, toApiThread } from "./serialize";

// The one way into a user's threads for the route handlers, the server actions, the pages and the
// developer API. A malformed id, a missing thread and someone else's thread are the same 404.
export function parseThreadId(id: unknown): string {
  const parsed = threadParams.safeParse({ id });
  if (!parsed.success) throw threadNotFound();
  return parsed.data.id;
}

// Newest first, one page; `q` searches titles and content.
export async function listOwnThreads({ userId, q, cursor }: { userId: string; q?: string; cursor?: string }) {
  return listThreads({ userId, q, cursor: decodeCursor(cursor) });
}

export async function getOwnThread({ userId, id }: { userId: string; id: unknown }) {
  const thread = await findThread({ id: parseThreadId(id), userId });
  if (!thread) throw threadNotFound();
  return thread;
}

export async function getMessagePage(input: { userId: string; threadId: unknown; before?: string; limit: number }) {
  const thread = await getOwnThread({ userId: input.userId, id: input.threadId });
  const page = await listMessages({ userId: input.userId, threadId: thread.id, before: decodeCursor(input.before), limit: input.limit });
  return { thread, messages: page.messages.map(toApiMessage), nextCursor: page.nextCursor };
}

export async function renameOwnThread({ userId, id, title }: { userId: string; id: unknown; title: string }) {
  const thread = await renameThread({ id: parseThreadId(id), userId, title });
  if (!thread) throw threadNotFound();
  return toApiThread(thread);
}

export async function deleteOwnThread({ userId, id }: { userId: string; id: unknown }) {
  if (!(await deleteThread({ id: parseThreadId(id), userId }))) throw threadNotFound();
}
