// DELETE /api/admin/users/[id]/sessions — sign a user out everywhere (admins only)
import { signOutUserEverywhere } from "@/lib/admin/manage";
import { AppError } from "@/lib/errors";
import { adminRoutes } from "@/lib/http/admin-route";
import { userIdParam } from "@/lib/validations/admin";

export const { GET, POST, PUT, PATCH, DELETE } = adminRoutes<{ id: string }>({
  DELETE: async (_request, { params, admin, info }) => {
    const id = userIdParam.safeParse(params.id);
    if (!id.success) throw new AppError("not_found:user", "No such user.");
    const result = await signOutUserEverywhere({ id: admin.id, email: admin.email, request: info }, id.data);
    return Response.json(result);
  },
});
