import "server-only";
import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from "jose";
import { findLiveGrant } from "@/lib/db/queries/oauth";
import { env } from "@/lib/env";
import { parseResourceScopes, RESOURCES, type ResourceName, type ResourceScope } from "./scopes";
import { SIGNING_ALG, verificationKey } from "./signing-keys";

export type AccessTokenPrincipal = {
  userId: string;
  grantId: string;
  clientId: string;
  scopes: ResourceScope[];
  jti: string;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  tokenBudget: string | null;
};

export type VerifyResult = { ok: true; principal: AccessTokenPrincipal } | { ok: false; reason: string };

// A JWT has three dot-separated base64url parts; API keys and opaque strings do not look like this.
export function looksLikeJwt(value: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value);
}

// The one check for access tokens, shared by /mcp and /v1. The signature must be ES256 by a key this
// server made (no alg none, no HMAC keyed with a public key: only one algorithm is allowed and the key
// comes from our table by kid), by a retired key only within its grace; issuer, audience (the resource
// being called), exp and nbf hold; and the grant still exists (one indexed lookup, so revoking it stops
// its tokens at once on every instance; deleting the user deletes the grant).
export async function verifyAccessToken(token: string, resource: ResourceName, now = new Date()): Promise<VerifyResult> {
  if (!looksLikeJwt(token)) return { ok: false, reason: "The access token is malformed." };
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== SIGNING_ALG) return { ok: false, reason: "The access token's algorithm is not accepted." };
    kid = header.kid;
  } catch {
    return { ok: false, reason: "The access token is malformed." };
  }
  const key = kid ? await verificationKey(kid, now) : null;
  if (!key) return { ok: false, reason: "The access token was not signed by a current key." };

  let claims: Record<string, unknown>;
  try {
    const verified = await jwtVerify(token, key, {
      algorithms: [SIGNING_ALG],
      issuer: env.AUTH_URL,
      audience: RESOURCES[resource],
      currentDate: now,
      requiredClaims: ["exp", "iat", "sub", "jti", "client_id", "gid"],
      typ: "at+jwt",
      clockTolerance: 5,
    });
    claims = verified.payload;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: "The access token has expired." };
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === "aud") {
      return { ok: false, reason: `The access token was not issued for ${RESOURCES[resource]}.` };
    }
    return { ok: false, reason: "The access token is invalid." };
  }
  // No token outlives the configured life, whatever a claim says.
  if (typeof claims.exp === "number" && typeof claims.iat === "number" && (claims.exp - claims.iat) * 1000 > env.OAUTH_ACCESS_TOKEN_TTL) {
    return { ok: false, reason: "The access token is invalid." };
  }

  const grantId = String(claims.gid);
  const grant = await findLiveGrant({ grantId, now });
  if (!grant?.userId || grant.userId !== claims.sub) return { ok: false, reason: "The access token's grant has been revoked." };
  // A suspended or still-pending account acts through no app either.
  if (grant.user?.status !== "active") return { ok: false, reason: "This account is not active." };
  return {
    ok: true,
    principal: {
      userId: grant.userId,
      grantId,
      clientId: String(claims.client_id),
      scopes: parseResourceScopes(claims.scope),
      jti: String(claims.jti),
      lastUsedAt: grant.lastUsedAt,
      lastUsedIp: grant.lastUsedIp,
      tokenBudget: grant.user.tokenBudget,
    },
  };
}
