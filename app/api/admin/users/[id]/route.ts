// GET|PATCH|DELETE /api/admin/users/[id] — one account: details, approve/suspend/reactivate/role, delete (admins only)
import { deleteUserAsAdmin, updateUserStanding } from "@/lib/admin/manage";
import { toApiUser } from "@/lib/admin/serialize";
import { usageSummary } from "@/lib/budgets/usage";
import { findUserForAdmin } from "@/lib/db/queries/admin-users";
import { AppError } from "@/lib/errors";
import { adminRoutes } from "@/lib/http/admin-route";
import { readJsonBody } from "@/lib/http/json-body";
import { adminUserPatch, userIdParam } from "@/lib/validations/admin";

type Params = { id: string };
const notFound = () => new AppError("not_found:user", "No such user.");
const actorOf = (admin: { id: string; email: string | null }, info: { ip: string | null; userAgent: string | null }) => ({ id: admin.id, email: admin.email, request: info });

export const { GET, POST, PUT, PATCH, DELETE } = adminRoutes<Params>({
  GET: async (_request, { params }) => {
    const id = userIdParam.safeParse(params.id);
    const user = id.success ? await findUserForAdmin({ userId: id.data }) : null;
    if (!user) throw notFound();
    const usage = await usageSummary({ userId: user.id, tokenBudget: user.tokenBudget });
    return Response.json({
      user: {
        ...toApiUser(user),
        suspendedReason: user.suspendedReason,
        approvedAt: user.approvedAt?.toISOString() ?? null,
        signInMethods: user.accounts.map((account) => ({ provider: account.provider, email: account.email, login: account.login })),
        counts: user._count,
        tokenBudget: user.tokenBudget,
        usage: {
          window: { start: usage.window.start.toISOString(), end: usage.window.end.toISOString(), used: usage.window.used, limit: usage.window.limit },
          last30Days: { tokens: usage.total, requests: usage.requests, byModel: usage.models, bySource: usage.sources.map(({ source, requests, tokens }) => ({ source, requests, tokens })) },
        },
      },
    });
  },
  PATCH: async (request, { params, admin, info }) => {
    const id = userIdParam.safeParse(params.id);
    if (!id.success) throw notFound();
    const patch = await readJsonBody(request, { maxBytes: 4096, schema: adminUserPatch });
    const user = await updateUserStanding(actorOf(admin, info), id.data, patch);
    return Response.json({ user: { ...toApiUser(user), tokenBudget: user.tokenBudget } });
  },
  DELETE: async (_request, { params, admin, info }) => {
    const id = userIdParam.safeParse(params.id);
    if (!id.success) throw notFound();
    await deleteUserAsAdmin(actorOf(admin, info), id.data);
    return new Response(null, { status: 204 });
  },
});
