// GET /api/health — liveness with a database round trip (and Redis when configured); 503 when one is down
import { checkDependencies } from "@/lib/health/check";

export const dynamic = "force-dynamic";

export async function GET() {
  const checks = await checkDependencies();
  const healthy = Object.values(checks).every((state) => state === "ok");
  if (healthy) return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  return Response.json(
    { status: "error", checks, error: { code: "unavailable:dependency", message: "A service Keyline depends on is not reachable." } },
    { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
  );
}
