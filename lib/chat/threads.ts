import "server-only";
import { randomUUID } from "node:crypto";
import { listMessages, listMessagesWithStatus } from "@/lib/db/queries/messages";
import { createThreadWithMessages, deleteThread, findThread, listThreads, renameThread } from "@/lib/db/queries/threads";
import { decodeCursor } from "@/lib/pagination/cursor";
import { threadParams } from "@/lib/validations/threads";
import { threadNotFound } from "./errors";
import type { MessageStatus } from "@/lib/validations/chat";
import { toApiMessage, toApiThread, type ApiMessage } from "./serialize";

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

// Every message of one of the user's threads with the given statuses, oldest first, in the history shape.
export async function listOwnMessagesWithStatus(input: { userId: string; threadId: string; statuses: Exclude<MessageStatus, "streaming">[] }) {
  return (await listMessagesWithStatus(input)).map(toApiMessage);
}

// A new thread of the user's holding finished messages under new ids (nothing links it to where they came
// from). Times keep their order even where two were equal, so keyset paging sees them as they were.
export async function createThreadFromMessages(input: { userId: string; title: string; model: string; messages: ApiMessage[] }): Promise<{ id: string }> {
  const id = randomUUID();
  let previous = 0;
  const messages = input.messages.map((message) => {
    const at = Math.max(Date.parse(message.createdAt), previous + 1);
    previous = at;
    const text = message.parts.map((part) => part.text).join("\n");
    return { id: randomUUID(), role: message.role, text, status: message.status, error: message.error ?? null, createdAt: new Date(at) };
  });
  await createThreadWithMessages({ id, userId: input.userId, title: input.title, model: input.model, now: new Date(), messages });
  return { id };
}
