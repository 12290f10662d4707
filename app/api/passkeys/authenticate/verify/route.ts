// POST /api/passkeys/authenticate/verify — check a passkey assertion and start a database session
import { NextResponse } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { readJsonBody } from "@/lib/http/json-body";
import { signInWithPasskey } from "@/lib/passkeys/sign-in";
import { signInRoute } from "@/lib/passkeys/sign-in-route";
import { authenticationVerifyBody, WEBAUTHN_BODY_MAX_BYTES } from "@/lib/validations/passkeys";

export const POST = signInRoute(async (request, info) => {
  const body = await readJsonBody(request, { maxBytes: WEBAUTHN_BODY_MAX_BYTES, schema: authenticationVerifyBody });
  const cookie = await signInWithPasskey({ response: body.response, request: info });
  const response = NextResponse.json({ ok: true, redirectTo: safeCallbackPath(body.callbackUrl) });
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}, { limit: "signin_ip" });
