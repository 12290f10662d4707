// POST /api/passkeys/authenticate/options — a fresh sign-in challenge for discoverable passkeys
import { beginAuthentication } from "@/lib/passkeys/authentication";
import { signInRoute } from "@/lib/passkeys/sign-in-route";

export const POST = signInRoute(async () => Response.json(await beginAuthentication()), { limit: "passkey_challenge_ip" });
