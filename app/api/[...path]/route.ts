// /api/* (anything no other route handles) — one JSON 404 for every method, the same body admin routes give non-admins
import { unknownRouteResponse } from "@/lib/http/unknown-route";

const unknown = async () => unknownRouteResponse();

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
