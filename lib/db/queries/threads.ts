import "server-only";
import { db, direct } from "@/lib/db/client";
import { engineOf } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import { encodeCursor, type Cursor } from "@/lib/pagination/cursor";

export const THREAD_PAGE_SIZE = 30;

const threadSummary = { id: true, title: true, updatedAt: true } as const;

const SEARCH_LIMIT = 500;

// Prisma's `contains` passes % and _ through as LIKE wildcards on both engines, so search runs as SQL
// with the pattern escaped. Matches are capped at the 500 most recently active threads; paging then
// runs over those. SQLite's LIKE ignores ASCII case; PostgreSQL needs ILIKE.
async function searchThreadIds({ userId, q }: { userId: string; q: string }): Promise<string[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows =
    engineOf(env.DATABASE_URL) === "postgres"
      ? await db.$queryRaw<{ id: string }[]>`
          SELECT t."id" FROM "Thread" t
          WHERE t."userId" = ${userId}
            AND (t."title" ILIKE ${pattern} ESCAPE '\\'
              OR EXISTS (SELECT 1 FROM "Message" m WHERE m."threadId" = t."id" AND m."userId" = ${userId} AND m."content" ILIKE ${pattern} ESCAPE '\\'))
          ORDER BY t."updatedAt" DESC, t."id" DESC LIMIT ${SEARCH_LIMIT}`
      : await db.$queryRaw<{ id: string }[]>`
          SELECT t."id" FROM "Thread" t
          WHERE t."userId" = ${userId}
            AND (t."title" LIKE ${pattern} ESCAPE '\\'
              OR EXISTS (SELECT 1 FROM "Message" m WHERE m."threadId" = t."id" AND m."userId" = ${userId} AND m."content" LIKE ${pattern} ESCAPE '\\'))
          ORDER BY t."updatedAt" DESC, t."id" DESC LIMIT ${SEARCH_LIMIT}`;
  return rows.map((row) => row.id);
}

// Newest first by updatedAt, keyset-paged; `q` matches titles and message text.
export async function listThreads({ userId, q, cursor }: { userId: string; q?: string; cursor: Cursor | null }) {
  const matching = q ? await searchThreadIds({ userId, q }) : null;
  const rows = await db.thread.findMany({
    where: {
      userId,
      ...(matching ? { id: { in: matching } } : {}),
      ...(cursor ? { OR: [{ updatedAt: { lt: cursor.createdAt } }, { updatedAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: THREAD_PAGE_SIZE + 1,
    select: threadSummary,
  });
  const page = rows.slice(0, THREAD_PAGE_SIZE);
  const last = page.at(-1);
  return {
    threads: page,
    nextCursor: rows.length > THREAD_PAGE_SIZE && last ? encodeCursor({ createdAt: last.updatedAt, id: last.id }) : null,
  };
}

export async function findThread({ id, userId }: { id: string; userId: string }) {
  return db.thread.findFirst({ where: { id, userId }, select: { id: true, title: true, model: true, createdAt: true, updatedAt: true } });
}

// The statements of a chat turn run on every message, so they go straight to the driver (lib/db/direct.ts);
// tests/unit/raw-queries.test.ts holds them to what the ORM reads and writes.

// Whose a thread id is, as far as this user may know: theirs (with its model), someone else's ("taken":
// nothing more of it), or free.
export type ThreadClaim = { kind: "mine"; model: string } | { kind: "taken" } | { kind: "free" };

export async function claimOfThread({ id, userId }: { id: string; userId: string }): Promise<ThreadClaim> {
  const rows = await direct.rows<{ model: string | null }>`SELECT CASE WHEN "userId" = ${userId} THEN "model" END AS "model" FROM "Thread" WHERE "id" = ${id}`;
  const row = rows[0];
  if (!row) return { kind: "free" };
  return row.model === null ? { kind: "taken" } : { kind: "mine", model: row.model };
}

// False when the id is taken, by this user's concurrent request or by someone else: the caller looks again
// with the owner and answers 404 when the thread is not theirs.
export async function createThread(input: { id: string; userId: string; title: string; model: string; now: Date }): Promise<boolean> {
  const { id, userId, title, model, now } = input;
  const created = await direct.execute`
    INSERT INTO "Thread" ("id", "userId", "title", "model", "createdAt", "updatedAt") VALUES (${id}, ${userId}, ${title}, ${model}, ${now}, ${now})
    ON CONFLICT ("id") DO NOTHING`;
  return created === 1;
}

export async function touchThread({ id, userId, model, now }: { id: string; userId: string; model: string; now: Date }) {
  await direct.execute`UPDATE "Thread" SET "updatedAt" = ${now}, "model" = ${model} WHERE "id" = ${id} AND "userId" = ${userId}`;
}

// Renaming does not move a thread to the top: updatedAt follows conversation, not housekeeping.
export async function renameThread({ id, userId, title }: { id: string; userId: string; title: string }) {
  const { count } = await db.thread.updateMany({ where: { id, userId }, data: { title } });
  return count === 1 ? db.thread.findFirst({ where: { id, userId }, select: threadSummary }) : null;
}

// Undoes a thread made for a message that could not be stored, unless a concurrent request of the same user
// has put a message in it meanwhile.
export async function deleteThreadIfEmpty({ id, userId }: { id: string; userId: string }) {
  await db.thread.deleteMany({ where: { id, userId, messages: { none: {} } } });
}

export async function deleteThread({ id, userId }: { id: string; userId: string }): Promise<boolean> {
  const { count } = await db.thread.deleteMany({ where: { id, userId } });
  return count === 1;
}

// A new thread holding finished messages (a shared snapshot continued by its viewer), in one transaction.
export async function createThreadWithMessages(input: {
  id: string;
  userId: string;
  title: string;
  model: string;
  now: Date;
  messages: { id: string; role: string; text: string; status: string; error: string | null; createdAt: Date }[];
}) {
  const { id, userId, title, model, now } = input;
  await db.$transaction([
    db.thread.create({ data: { id, userId, title, model, createdAt: now, updatedAt: now } }),
    db.message.createMany({
      data: input.messages.map((message) => ({
        id: message.id,
        threadId: id,
        userId,
        role: message.role,
        parts: message.text ? [{ type: "text", text: message.text }] : [],
        content: message.text,
        status: message.status,
        error: message.error,
        model: message.role === "assistant" ? model : null,
        createdAt: message.createdAt,
      })),
    }),
  ]);
}
