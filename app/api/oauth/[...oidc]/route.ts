// GET|POST /api/oauth/* — the OAuth 2.1 authorization server (authorize, token, revoke, register, jwks)
import { oauthEndpoint } from "@/lib/oauth/endpoint";

export const dynamic = "force-dynamic";

const handler = oauthEndpoint();
export { handler as GET, handler as POST, handler as OPTIONS };
