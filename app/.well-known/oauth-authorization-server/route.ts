// GET /.well-known/oauth-authorization-server — authorization server metadata (RFC 8414)
import { oauthEndpoint } from "@/lib/oauth/endpoint";

export const dynamic = "force-dynamic";

const handler = oauthEndpoint();
export { handler as GET, handler as OPTIONS };
