// GET /api/shares?cursor= — the signed-in user's share links, newest first, paged; DELETE — revoke them all
import { listShares } from "@/lib/db/queries/shares";
import { requestInfoFrom } from "@/lib/http/request-info";
import { sessionRoute } from "@/lib/http/session-route";
import { decodeCursor } from "@/lib/pagination/cursor";
import { revokeAllSharesForUser } from "@/lib/shares/operations";
import { toShareView } from "@/lib/shares/view";
import { shareListQuery } from "@/lib/validations/shares";

export const GET = sessionRoute(async (request, { user }) => {
  const { cursor } = shareListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listShares({ userId: user.id, cursor: decodeCursor(cursor) });
  const now = new Date();
  return Response.json({ shares: page.shares.map((row) => toShareView(row, now)), nextCursor: page.nextCursor });
});

export const DELETE = sessionRoute(async (request, { user }) => {
  const revoked = await revokeAllSharesForUser({ userId: user.id, request: requestInfoFrom(request.headers) });
  return Response.json({ revoked });
});
