import "server-only";
import { db, direct } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { encodeCursor, type Cursor } from "@/lib/pagination/cursor";
import type { MessageStatus } from "@/lib/validations/chat";

type TextParts = { type: "text"; text: string }[];

const messageFields = { id: true, role: true, parts: true, status: true, error: true, model: true, createdAt: true } as const;

// Keyset paging on (createdAt, id), the thread index's own order: the latest page of a 10,000-message
// thread costs what it costs for 50. Each page comes back oldest first, ready to put above the last one.
export async function listMessages(input: { userId: string; threadId: string; before: Cursor | null; limit: number }) {
  const { userId, threadId, before, limit } = input;
  const rows = await db.message.findMany({
    where: {
      threadId,
      userId,
      ...(before
        ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: messageFields,
  });
  const page = rows.slice(0, limit);
  const oldest = page.at(-1);
  return {
    messages: page.reverse(),
    nextCursor: rows.length > limit && oldest ? encodeCursor({ createdAt: oldest.createdAt, id: oldest.id }) : null,
  };
}

// The model sees the latest complete turns, oldest first, up to the message being answered (or all of them).
export async function contextMessages(input: { userId: string; threadId: string; upTo?: { createdAt: Date; id: string }; limit: number }) {
  const { upTo } = input;
  const rows = await db.message.findMany({
    where: {
      threadId: input.threadId,
      userId: input.userId,
      ...(upTo ? { OR: [{ createdAt: { lt: upTo.createdAt } }, { createdAt: upTo.createdAt, id: { lte: upTo.id } }] } : {}),
      status: { in: ["complete", "interrupted"] },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
    select: { role: true, content: true },
  });
  return rows.reverse();
}

export async function latestMessageTime({ userId, threadId }: { userId: string; threadId: string }): Promise<Date | null> {
  const row = await db.message.findFirst({
    where: { threadId, userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

export async function findUserMessage({ id, userId, threadId }: { id: string; userId: string; threadId: string }) {
  return db.message.findFirst({ where: { id, userId, threadId, role: "user" }, select: { id: true, content: true, createdAt: true } });
}

// A new turn's two rows, the user's message and the reply's `streaming` placeholder, in one statement.
// False when the message id is already taken (by another message anywhere): then neither row is written.
// This and the reply's progress and finish run on every chat turn, so they go straight to the driver
// (lib/db/direct.ts); tests/unit/raw-queries.test.ts holds the rows to what the ORM writes.
export async function createTurnMessages(input: {
  userId: string;
  threadId: string;
  message: { id: string; text: string; createdAt: Date };
  reply: { id: string; model: string; createdAt: Date };
}): Promise<boolean> {
  const { userId, threadId, message, reply } = input;
  const parts = partsJson(message.text);
  const now = new Date();
  try {
    await direct.execute`
      INSERT INTO "Message" ("id", "threadId", "userId", "role", "parts", "content", "status", "model", "createdAt", "updatedAt")
      VALUES (${message.id}, ${threadId}, ${userId}, 'user', ${parts}, ${message.text}, 'complete', NULL, ${message.createdAt}, ${now}),
             (${reply.id}, ${threadId}, ${userId}, 'assistant', '[]', '', 'streaming', ${reply.model}, ${reply.createdAt}, ${now})`;
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

// The JSON the ORM stores for a message's text parts (a JSON column; PostgreSQL casts the text itself).
const partsJson = (text: string) => JSON.stringify(text ? ([{ type: "text", text }] satisfies TextParts) : []);

export async function createAssistantMessage(input: { id: string; userId: string; threadId: string; model: string; createdAt: Date }) {
  await db.message.create({
    data: { ...input, role: "assistant", parts: [], content: "", status: "streaming" },
  });
}

// Regenerating a reply: whatever followed the user's message goes.
export async function deleteMessagesAfter(input: { userId: string; threadId: string; after: { createdAt: Date; id: string } }) {
  const { userId, threadId, after } = input;
  await db.message.deleteMany({
    where: {
      threadId,
      userId,
      OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
    },
  });
}

export async function saveAssistantProgress({ id, userId, text }: { id: string; userId: string; text: string }) {
  await direct.execute`
    UPDATE "Message" SET "parts" = ${partsJson(text)}, "content" = ${text}, "updatedAt" = ${new Date()}
    WHERE "id" = ${id} AND "userId" = ${userId} AND "status" = 'streaming'`;
}

export async function finishAssistantMessage(input: {
  id: string;
  userId: string;
  status: Exclude<MessageStatus, "streaming">;
  text: string;
  error?: string;
  inputTokens?: number;
  outputTokens?: number;
}) {
  await direct.execute`
    UPDATE "Message" SET "status" = ${input.status}, "parts" = ${partsJson(input.text)}, "content" = ${input.text}, "error" = ${input.error ?? null},
      "inputTokens" = ${input.inputTokens ?? null}, "outputTokens" = ${input.outputTokens ?? null}, "updatedAt" = ${new Date()}
    WHERE "id" = ${input.id} AND "userId" = ${input.userId}`;
}

// A reply that stopped moving lost its server mid-stream (lib/chat/stream-liveness.ts); it becomes
// `interrupted`, keeping whatever text was saved. The one query here without an owner, because it repairs
// every owner's rows; replies other instances are still streaming keep moving and are left alone.
export async function interruptStaleStreams(staleBefore: Date): Promise<number> {
  const { count } = await db.message.updateMany({
    where: { status: "streaming", updatedAt: { lt: staleBefore } },
    data: { status: "interrupted" },
  });
  return count;
}

// A whole thread with the given statuses, oldest first (a share link's snapshot; never paged, never streaming).
export async function listMessagesWithStatus(input: { userId: string; threadId: string; statuses: Exclude<MessageStatus, "streaming">[] }) {
  return db.message.findMany({
    where: { userId: input.userId, threadId: input.threadId, status: { in: input.statuses } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: messageFields,
  });
}
