// POST /mcp — the MCP server (Streamable HTTP, stateless): the user's models and chats, for agents with an OAuth access token
import { mcpEndpoint } from "@/lib/mcp/endpoint";

export const dynamic = "force-dynamic";
// send_message waits for the whole reply.
export const maxDuration = 300;

const handler = mcpEndpoint();
export { handler as GET, handler as POST, handler as DELETE };
