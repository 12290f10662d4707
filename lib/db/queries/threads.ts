import "server-only";
import { db } from "@/lib/db/client";
import { encodeCursor, type Cursor } from "@/lib/pagination/cursor";

export const THREAD_PAGE_SIZE = 30;

// Newest first by updatedAt, keyset-paged; `q` matches titles and message text.
export async function listThreads({ userId, q, cursor }: { userId: string; q?: string; cursor: Cursor | null }) {
  const rows = await db.thread.findMany({
    where: {
      userId,
      AND: [
        q ? { OR: [{ title: { contains: q } }, { messages: { some: { userId, content: { contains: q } } } }] } : {},
        cursor
          ? { OR: [{ updatedAt: { lt: cursor.createdAt } }, { updatedAt: cursor.createdAt, id: { lt: cursor.id } }] }
          : {},
      ],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: THREAD_PAGE_SIZE + 1,
    select: { id: true, title: true, updatedAt: true },
  });
  const page = rows.slice(0, THREAD_PAGE_SIZE);
  const last = page.at(-1);
  return {
    threads: page,
    nextCursor: rows.length > THREAD_PAGE_SIZE && last ? encodeCursor({ createdAt: last.updatedAt, id: last.id }) : null,
  };
}
