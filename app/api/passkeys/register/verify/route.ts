// POST /api/passkeys/register/verify — check the new credential and store it as the user's passkey
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { readJsonBody } from "@/lib/http/json-body";
import { requestInfoFrom } from "@/lib/http/request-info";
import { sessionRoute } from "@/lib/http/session-route";
import { completeRegistration } from "@/lib/passkeys/registration";
import { registrationVerifyBody, WEBAUTHN_BODY_MAX_BYTES } from "@/lib/validations/passkeys";

export const POST = sessionRoute(async (request) => {
  const user = await requireRecentSignIn();
  const body = await readJsonBody(request, { maxBytes: WEBAUTHN_BODY_MAX_BYTES, schema: registrationVerifyBody });
  const passkey = await completeRegistration({ user, body, request: requestInfoFrom(request.headers) });
  return Response.json({ passkey: { id: passkey.id, name: passkey.name } }, { status: 201 });
});
