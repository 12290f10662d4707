// POST /api/bench/pipe — benchmarks only: the model server's SSE piped through, nothing checked (lib/bench/bare-pipe.ts)
import { barePipe } from "@/lib/bench/bare-pipe";
import { unknownRouteResponse } from "@/lib/http/unknown-route";

export const POST = barePipe;

const unknown = async () => unknownRouteResponse();
export { unknown as GET, unknown as PUT, unknown as PATCH, unknown as DELETE };
