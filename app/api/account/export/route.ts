// GET /api/account/export — everything Keyline holds about the signed-in user, as a JSON download
import { exportOwnData } from "@/lib/user-data/manage";
import { sessionRoute } from "@/lib/http/session-route";

export const GET = sessionRoute(async (_request, { user }) => {
  const data = await exportOwnData({ userId: user.id });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="keyline-export-${new Date().toISOString().slice(0, 10)}.json"`,
    },
  });
}, { allowPending: true });
