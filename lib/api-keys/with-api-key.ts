import "server-only";
import crypto from "node:crypto";
import { after } from "next/server";
import { statusOf } from "@/lib/auth/roles";
import { findApiKeyByHash } from "@/lib/db/queries/api-keys";
import { requestInfoFrom } from "@/lib/http/request-info";
import { routeHandler, type RouteContext } from "@/lib/http/route-handler";
import { noteGrantUse } from "@/lib/oauth/manage";
import { looksLikeJwt, verifyAccessToken, type AccessTokenPrincipal } from "@/lib/oauth/verify-access-token";
import { OpenAIError, toOpenAIError } from "@/lib/openai-compat/errors";
import { consumeRateLimit, rateLimitHeaders } from "@/lib/rate-limit/limiter";
import { apiSecurityHeaders, arrivedOverHttps } from "@/lib/security/headers";
import { parseScopes, type ApiKeyScope } from "./constants";
import { presentedKey, refuseKeyInUrl } from "./credentials";
import { hashApiKey, isWellFormedApiKey } from "./format";
import { recordKeyUse } from "./record-use";
import { createUsageMeter, type UsageMeter } from "./usage-meter";

// The key a request authenticated with: whose it is and what it may do.
export type ApiKeyPrincipal = {
  id: string;
  userId: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};

// Who a /v1 request acts for: an API key of the user, or an OAuth access token issued to an app for
// the resource /v1 (lib/oauth/verify-access-token.ts). Handlers see the user either way.
export type ApiCaller = { userId: string; via: "api_key" | "oauth"; tokenBudget: string | null };

export type ApiKeyHandler<P> = (request: Request, context: { params: P; key: ApiCaller; usage: UsageMeter }) => Promise<Response>;

const invalidKey = (message = "Invalid API key. Check that you copied it in full, or create a new one at /settings/api-keys.") =>
  new OpenAIError(401, { type: "authentication_error", code: "invalid_api_key", message });

// The production server's preload gives every request an id (scripts/server/request-log.cjs) that is
// also on its log lines; elsewhere (next dev, serverless hosts) one is made here, in OpenAI's style.
function requestIdOf(request: Request): string {
  return request.headers.get("x-request-id") ?? `req_${crypto.randomBytes(12).toString("hex")}`;
}

// Every /v1 handler, in the spirit of dub's withWorkspace: the key's shape and checksum are checked
// before any database work, then its hash is looked up; revoked and expired keys stop at once, the
// scope is checked, the per-key rate limit applies, and use is recorded after the response.
// Cookies are never read, so a browser session cannot be used for cross-site calls to the API.
// Server-Timing tells the key check (key) and the rate limit (ratelimit) from the whole handler (app).
export function withApiKey<P = Record<string, never>>(options: { scope: ApiKeyScope }, handler: ApiKeyHandler<P>) {
  const errorResponse = (error: unknown) => toOpenAIError(error).toResponse();
  return routeHandler<RouteContext<P>>({ refuseCrossSite: false, errorResponse }, async (request, context, extras) => {
    Object.assign(extras.headers, apiSecurityHeaders({ https: arrivedOverHttps(request) }));
    extras.headers["x-request-id"] = requestIdOf(request);
    refuseKeyInUrl(new URL(request.url));
    const now = new Date();
    const presented = presentedKey(request.headers);
    // An access token is checked by the one function /mcp uses too; the same scopes, and a limit per grant
    // as large as a key's.
    const caller = looksLikeJwt(presented)
      ? await extras.time("key", () => checkedAccessToken(presented, options.scope, now))
      : await extras.time("key", () => checkedKey(presented, options.scope, now));
    const limitKey = caller.via === "oauth" ? `grant:${caller.token.grantId}` : caller.key.id;

    const limit = await extras.time("ratelimit", () => consumeRateLimit("api_key", limitKey));
    Object.assign(extras.headers, rateLimitHeaders(limit));
    if (!limit.allowed) {
      throw new OpenAIError(429, {
        type: "rate_limit_error",
        code: "rate_limit_exceeded",
        message: `Rate limit reached for this ${caller.via === "oauth" ? "connected app" : "API key"} (${limit.limit} requests per ${limit.windowSeconds} s). Try again in ${limit.resetSeconds} s.`,
      });
    }

    const usage = createUsageMeter();
    const requestInfo = requestInfoFrom(request.headers);
    if (caller.via === "oauth") {
      const { grantId, lastUsedAt, lastUsedIp } = caller.token;
      after(() => noteGrantUse({ grantId, lastUsedAt, lastUsedIp, ip: requestInfo.ip, at: now }).catch(() => undefined));
    } else {
      const key = caller.key;
      after(() => recordKeyUse({ key, request: requestInfo, meter: usage, at: now }));
    }
    return handler(request, { params: await context.params, key: { userId: caller.userId, via: caller.via, tokenBudget: caller.tokenBudget }, usage });
  });
}

type Caller = { tokenBudget: string | null } & (
  { via: "api_key"; userId: string; key: ApiKeyPrincipal } | { via: "oauth"; userId: string; token: AccessTokenPrincipal }
);

async function checkedAccessToken(presented: string, scope: ApiKeyScope, now: Date): Promise<Caller> {
  const result = await verifyAccessToken(presented, "v1", now);
  if (!result.ok) throw new OpenAIError(401, { type: "authentication_error", code: "invalid_access_token", message: result.reason });
  if (!result.principal.scopes.includes(scope)) {
    throw new OpenAIError(403, {
      type: "permission_error",
      code: "insufficient_scope",
      message: `This access token lacks the '${scope}' scope. Connect the app again and allow it.`,
    });
  }
  return { via: "oauth", userId: result.principal.userId, token: result.principal, tokenBudget: result.principal.tokenBudget };
}

async function checkedKey(presented: string, scope: ApiKeyScope, now: Date): Promise<Caller> {
  if (!isWellFormedApiKey(presented)) throw invalidKey();
  const row = await findApiKeyByHash({ hash: hashApiKey(presented) });
  if (!row) throw invalidKey();
  const key: ApiKeyPrincipal = { ...row, scopes: parseScopes(row.scopes) };
  if (key.revokedAt) throw invalidKey("This API key has been revoked.");
  if (key.expiresAt && key.expiresAt <= now) throw invalidKey(`This API key expired on ${key.expiresAt.toISOString()}.`);
  const owner = statusOf(row.userStatus);
  if (owner === "suspended") throw invalidKey("The account this API key belongs to is suspended.");
  if (owner === "pending") {
    throw new OpenAIError(403, {
      type: "permission_error",
      code: "account_pending",
      message: "The account this API key belongs to is waiting for an administrator's approval.",
    });
  }
  if (!key.scopes.includes(scope)) {
    throw new OpenAIError(403, {
      type: "permission_error",
      code: "missing_scope",
      message: `This API key lacks the '${scope}' scope. Create a key with it at /settings/api-keys.`,
    });
  }
  return { via: "api_key", userId: key.userId, key, tokenBudget: row.userTokenBudget };
}
