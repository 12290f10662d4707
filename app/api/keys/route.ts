// GET /api/keys — the signed-in user's API keys with 30 days of usage; POST /api/keys — create one
import { createKeyForUser, listKeysForUser } from "@/lib/api-keys/manage";
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/json-body";
import { requestInfoFrom } from "@/lib/http/request-info";
import { sessionRoute } from "@/lib/http/session-route";
import { createApiKeyInput } from "@/lib/validations/api-keys";

// { name, scopes, expiresInDays } is well under a kilobyte.
const CREATE_KEY_BODY_MAX_BYTES = 4096;

export const GET = sessionRoute(async (_request, { user }) => {
  return Response.json({ keys: await listKeysForUser({ userId: user.id }) });
});

// The answer is the only time the full key is ever shown. Creating needs a recent sign-in.
export const POST = sessionRoute(async (request, { user }) => {
  const recent = await requireRecentSignIn();
  if (recent.id !== user.id) throw new AppError("unauthorized:session", "Sign in to continue.");
  // JSON only and capped (415, 413), like every other body the app reads.
  const data = await readJsonBody(request, { maxBytes: CREATE_KEY_BODY_MAX_BYTES, schema: createApiKeyInput });
  const created = await createKeyForUser({ userId: user.id, data, request: requestInfoFrom(request.headers) });
  return Response.json(created, { status: 201 });
});
