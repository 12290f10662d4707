// GET /api/health — liveness with a database round trip
import { pingDatabase } from "@/lib/db/queries/health";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[health] database unreachable:", error instanceof Error ? error.message.split("\n")[0] : error);
    return Response.json(
      { status: "error", error: { code: "unavailable:database", message: "The database is not reachable." } },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
    );
  }
}
