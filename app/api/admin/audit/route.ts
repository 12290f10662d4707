// GET /api/admin/audit?cursor=&format=jsonl — the admin audit trail, newest first (admins only)
import { toApiAuditEntry } from "@/lib/admin/serialize";
import { listAuditEntries } from "@/lib/db/queries/audit";
import { adminRoutes } from "@/lib/http/admin-route";
import { auditListQuery } from "@/lib/validations/admin";

const PAGE_SIZE = 100;
const EXPORT_BATCH = 500;

export const { GET, POST, PUT, PATCH, DELETE } = adminRoutes({
  GET: async (request) => {
    const { cursor, format } = auditListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    if (format !== "jsonl") {
      const page = await listAuditEntries({ cursor: cursor ?? null, take: PAGE_SIZE });
      return Response.json({ entries: page.entries.map(toApiAuditEntry), nextCursor: page.nextCursor });
    }
    // The whole trail (or everything before `cursor`), one entry per line, streamed in batches.
    const encoder = new TextEncoder();
    let next: number | null = cursor ?? null;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const page = await listAuditEntries({ cursor: next, take: EXPORT_BATCH });
        for (const entry of page.entries) controller.enqueue(encoder.encode(`${JSON.stringify(toApiAuditEntry(entry))}\n`));
        next = page.nextCursor;
        if (next === null) controller.close();
      },
    });
    return new Response(body, {
      headers: { "content-type": "application/jsonl; charset=utf-8", "content-disposition": 'attachment; filename="keyline-audit.jsonl"' },
    });
  },
});
