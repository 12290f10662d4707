// GET /api/share/<token> — the public snapshot behind a share link (no session; limited per IP)
import { errorResponse } from "@/lib/errors";
import { requestInfoFrom } from "@/lib/http/request-info";
import { readSharedSnapshot } from "@/lib/shares/read";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await params;
    const { share, messages, limitHeaders } = await readSharedSnapshot({ token, request: requestInfoFrom(request.headers), countView: true });
    const { ownerName, ...rest } = share;
    return Response.json({ share: { ...rest, ...(ownerName ? { sharedBy: ownerName } : {}) }, messages }, { headers: { ...limitHeaders, "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
