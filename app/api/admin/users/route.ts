// GET /api/admin/users?q=&status=&role=&sort=&cursor= — every account, newest (or most recently seen) first, for admins only
import { toApiUser } from "@/lib/admin/serialize";
import { listUsersForAdmin } from "@/lib/db/queries/admin-users";
import { adminRoutes } from "@/lib/http/admin-route";
import { decodeCursor } from "@/lib/pagination/cursor";
import { adminUserListQuery } from "@/lib/validations/admin";

export const { GET, POST, PUT, PATCH, DELETE } = adminRoutes({
  GET: async (request) => {
    const { q, status, role, sort, cursor } = adminUserListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const page = await listUsersForAdmin({ q, status, role, sort, cursor: decodeCursor(cursor) });
    return Response.json({ users: page.users.map(toApiUser), nextCursor: page.nextCursor });
  },
});
