// DELETE /api/admin/invitations/[id] — revoke an invitation (admins only)
import { revokeInvitation } from "@/lib/admin/invitations";
import { toApiInvitation } from "@/lib/admin/serialize";
import { AppError } from "@/lib/errors";
import { adminRoutes } from "@/lib/http/admin-route";
import { invitationIdParam } from "@/lib/validations/admin";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = adminRoutes<Params>({
  DELETE: async (_request, { params, admin, info }) => {
    const id = invitationIdParam.safeParse(params.id);
    if (!id.success) throw new AppError("not_found:invitation", "No such invitation.");
    const invitation = await revokeInvitation({ id: admin.id, email: admin.email, request: info }, id.data);
    return Response.json({ invitation: toApiInvitation(invitation) });
  },
});
