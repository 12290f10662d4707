// GET|POST /api/admin/invitations — list invitations (newest first, paged) and invite an address with a role (admins only)
import { createInvitation } from "@/lib/admin/invitations";
import { toApiInvitation } from "@/lib/admin/serialize";
import { listInvitations } from "@/lib/db/queries/invitations";
import { adminRoutes } from "@/lib/http/admin-route";
import { readJsonBody } from "@/lib/http/json-body";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { invitationCreate, invitationListQuery } from "@/lib/validations/admin";

export const { GET, POST, PUT, PATCH, DELETE } = adminRoutes({
  GET: async (request) => {
    const { cursor } = invitationListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const page = await listInvitations({ cursor: decodeCursor(cursor) });
    const last = page.invitations.at(-1);
    const now = new Date();
    return Response.json({
      invitations: page.invitations.map((row) => toApiInvitation(row, now)),
      nextCursor: page.hasMore && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    });
  },
  POST: async (request, { admin, info }) => {
    const input = await readJsonBody(request, { maxBytes: 4096, schema: invitationCreate });
    const invitation = await createInvitation({ id: admin.id, email: admin.email, request: info }, input);
    return Response.json({ invitation: toApiInvitation(invitation) }, { status: 201 });
  },
});
