import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { after } from "next/server";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/json-body";
import { requestInfoFrom } from "@/lib/http/request-info";
import { routeHandler } from "@/lib/http/route-handler";
import { noteGrantUse } from "@/lib/oauth/manage";
import { OAUTH_SCOPES, RESOURCES } from "@/lib/oauth/scopes";
import { verifyAccessToken } from "@/lib/oauth/verify-access-token";
import { consumeRateLimit, rateLimitHeaders } from "@/lib/rate-limit/limiter";
import { registerTools, TOOL_SCOPES } from "./tools";

export const PROTECTED_RESOURCE_METADATA_URL = `${env.AUTH_URL}/.well-known/oauth-protected-resource/mcp`;
const MAX_BODY_BYTES = 256 * 1024;

// RFC 9728 §5.1 / RFC 6750 §3: where to find the authorization server, and what to ask for.
function challenge(extra: string): Record<string, string> {
  return { "www-authenticate": `Bearer resource_metadata="${PROTECTED_RESOURCE_METADATA_URL}", scope="${OAUTH_SCOPES.join(" ")}"${extra}` };
}

const unauthorized = (message: string, presented: boolean) =>
  new AppError("unauthorized:token", message, { headers: challenge(presented ? `, error="invalid_token", error_description="${message.replace(/"/g, "'")}"` : "") });

// Only `Authorization: Bearer <access token>`: cookies are never read here, and an API key (or anything
// else) is refused like a bad token, so a browser session or a /v1 key can never drive the tools.
function bearerOf(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization === null) return null;
  const match = authorization.match(/^Bearer[ ]+(\S+)\s*$/i);
  return match ? match[1]! : "";
}

function requiredScope(body: unknown): string | null {
  const messages = Array.isArray(body) ? body : [body];
  for (const message of messages) {
    if (message && typeof message === "object" && (message as { method?: unknown }).method === "tools/call") {
      const name = (message as { params?: { name?: unknown } }).params?.name;
      const scope = typeof name === "string" ? TOOL_SCOPES[name] : undefined;
      if (scope) return scope;
    }
  }
  return null;
}

// POST /mcp: the MCP server, stateless (a fresh server and transport per request, nothing kept between
// requests, so any instance answers). The token must be for the resource /mcp; a tool call needs its scope.
export function mcpEndpoint() {
  return routeHandler<unknown>({ refuseCrossSite: false, errorResponse }, async (request, _context, extras) => {
    const token = bearerOf(request.headers);
    if (token === null) throw unauthorized("Sign in: this endpoint needs an OAuth access token.", false);
    const now = new Date();
    const verified = await extras.time("token", () => verifyAccessToken(token, "mcp", now));
    if (!verified.ok) throw unauthorized(verified.reason, true);
    const principal = verified.principal;

    if (request.method !== "POST") {
      return Response.json({ error: { code: "method_not_allowed:mcp", message: "This MCP server is stateless: POST JSON-RPC messages." } }, { status: 405, headers: { allow: "POST" } });
    }
    const body = await readJsonBody(request, { maxBytes: MAX_BODY_BYTES });
    const scope = requiredScope(body);
    if (scope && !principal.scopes.includes(scope as never)) {
      throw new AppError("forbidden:insufficient_scope", `This token lacks the '${scope}' scope.`, {
        headers: { "www-authenticate": `Bearer error="insufficient_scope", scope="${scope}", resource_metadata="${PROTECTED_RESOURCE_METADATA_URL}"` },
      });
    }

    const limit = await extras.time("ratelimit", () => consumeRateLimit("api_key", `grant:${principal.grantId}`));
    Object.assign(extras.headers, rateLimitHeaders(limit));
    if (!limit.allowed) throw new AppError("rate_limited:mcp", `Rate limit reached for this connected app. Try again in ${limit.resetSeconds} s.`);
    const ip = requestInfoFrom(request.headers).ip;
    after(() => noteGrantUse({ grantId: principal.grantId, lastUsedAt: principal.lastUsedAt, lastUsedIp: principal.lastUsedIp, ip, at: now }).catch(() => undefined));

    const server = new McpServer({ name: "keyline", version: "1.0.0" });
    registerTools(server, { userId: principal.userId, tokenBudget: principal.tokenBudget, request });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    return transport.handleRequest(request, {
      parsedBody: body,
      authInfo: { token, clientId: principal.clientId, scopes: principal.scopes, resource: new URL(RESOURCES.mcp) },
    });
  });
}

export function protectedResourceMetadata() {
  return {
    resource: RESOURCES.mcp,
    authorization_servers: [env.AUTH_URL],
    scopes_supported: [...OAUTH_SCOPES],
    bearer_methods_supported: ["header"],
    resource_name: "Keyline",
    resource_documentation: `${env.AUTH_URL}/docs/agents`,
  };
}
