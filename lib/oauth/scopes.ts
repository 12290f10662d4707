import { env } from "@/lib/env";

// What an agent or app may be granted: the API-key scopes, plus offline_access for a refresh token.
export const RESOURCE_SCOPES = ["models:read", "chat:write", "threads:read"] as const;
export type ResourceScope = (typeof RESOURCE_SCOPES)[number];
export const OAUTH_SCOPES = [...RESOURCE_SCOPES, "offline_access"] as const;

// Plain words for the consent page and Connected apps.
export const SCOPE_WORDS: Record<string, string> = {
  "models:read": "See which AI models you can use",
  "chat:write": "Send messages to models as you (they are saved in your chat history when sent through MCP)",
  "threads:read": "Read and search your chat history",
  offline_access: "Stay connected when you are away (until you revoke it)",
};

// The resources (token audiences) this server protects.
export const RESOURCES = { mcp: `${env.AUTH_URL}/mcp`, v1: `${env.AUTH_URL}/v1` } as const;
export type ResourceName = keyof typeof RESOURCES;

export function parseResourceScopes(scope: unknown): ResourceScope[] {
  const words = new Set(typeof scope === "string" ? scope.split(" ") : []);
  return RESOURCE_SCOPES.filter((one) => words.has(one));
}
