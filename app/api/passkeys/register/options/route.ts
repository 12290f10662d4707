// POST /api/passkeys/register/options — registration options for the signed-in user (needs a recent sign-in)
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { sessionRoute } from "@/lib/http/session-route";
import { beginRegistration } from "@/lib/passkeys/registration";

export const POST = sessionRoute(async () => {
  const user = await requireRecentSignIn();
  return Response.json(await beginRegistration(user));
});
