// GET /api/admin/users?q=&status=&role=&sort=&cursor= — every account, newest, most recently seen or most tokens first, for admins only
import { toApiUser } from "@/lib/admin/serialize";
import { listUsersWithUsage } from "@/lib/budgets/admin-list";
import { adminRoutes } from "@/lib/http/admin-route";
import { adminUserListQuery } from "@/lib/validations/admin";

export const { GET, POST, PUT, PATCH, DELETE } = adminRoutes({
  GET: async (request) => {
    const query = adminUserListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const page = await listUsersWithUsage(query);
    return Response.json({ users: page.users.map((user) => ({ ...toApiUser(user), usage: { tokens30d: user.tokens } })), nextCursor: page.nextCursor });
  },
});
