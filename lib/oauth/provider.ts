import "server-only";
import crypto from "node:crypto";
import Provider, { errors } from "oidc-provider";
import { findUserById } from "@/lib/db/queries/users";
import { env } from "@/lib/env";
import { PrismaOAuthAdapter } from "./adapter";
import { clientIdMetadataDocument, providerFetch } from "./client-metadata-document";
import { OAUTH_SCOPES, RESOURCE_SCOPES, RESOURCES } from "./scopes";
import { loadSigningJwks, SIGNING_ALG } from "./signing-keys";

// Where oidc-provider's endpoints are mounted (app/api/oauth/[...oidc]/route.ts); the consent page.
export const OAUTH_BASE = "/api/oauth";
export const consentPath = (uid: string) => `/oauth/consent/${uid}`;
// Where a CLI sends its user to type the code (RFC 8628's verification_uri): a Keyline page, not oidc-provider's.
export const DEVICE_PAGE = "/oauth/device";
export const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
export const INTERACTION_COOKIE = "keyline_oauth_interaction";

const DAY = 86_400;
const accessTokenTtl = Math.floor(env.OAUTH_ACCESS_TOKEN_TTL / 1000);
// oidc-provider signs its cookies (interaction, resume, its session); every instance derives the same key.
const cookieKey = Buffer.from(crypto.hkdfSync("sha256", env.AUTH_SECRET, "keyline", "oauth cookie signing", 32)).toString("base64url");

type Ctx = { oidc: { result?: { consent?: { grantId?: string } }; provider: Provider; route?: string } };
type Token = { kind: string; grantId?: string };
type Client = { grantTypeAllowed(type: string): boolean };
type Source = { scopes: Set<string> };

function configuration(jwks: unknown[]) {
  return {
    adapter: PrismaOAuthAdapter,
    jwks: { keys: jwks },
    cookies: {
      keys: [cookieKey],
      names: { session: "keyline_oauth_session", interaction: INTERACTION_COOKIE, resume: "keyline_oauth_resume" },
    },
    // The subject is the Keyline user id; no claims are released (no ID tokens, no userinfo).
    async findAccount(_ctx: unknown, sub: string) {
      const user = await findUserById({ id: sub });
      // Only an active account can be signed in to an app (a pending or suspended one cannot grant anything).
      return user?.status === "active" ? { accountId: sub, claims: () => ({ sub }) } : undefined;
    },
    routes: {
      authorization: `${OAUTH_BASE}/auth`,
      token: `${OAUTH_BASE}/token`,
      jwks: `${OAUTH_BASE}/jwks`,
      registration: `${OAUTH_BASE}/register`,
      revocation: `${OAUTH_BASE}/revoke`,
      end_session: `${OAUTH_BASE}/session/end`,
      introspection: `${OAUTH_BASE}/introspect`,
      userinfo: `${OAUTH_BASE}/me`,
      device_authorization: `${OAUTH_BASE}/device/auth`,
      // Only its URL is used (in the device authorization response): requests to it reach app/(oauth).
      code_verification: DEVICE_PAGE,
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => consentPath(interaction.uid) },
    // Every authorization goes through the consent page, which checks the Keyline session: a grant made
    // earlier is never reused silently (oidc-provider's own session cookie outlives a Keyline sign-out).
    async loadExistingGrant(ctx: Ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      // RFC 8628 for CLIs: 8 letters from 20 consonants (about 34 bits), typed on /oauth/device, where
      // every attempt costs a per-IP and a per-account budget; the code lives 10 minutes.
      deviceFlow: { enabled: true, charset: "base-20", mask: "****-****" },
      registration: { enabled: env.OAUTH_DYNAMIC_REGISTRATION, issueRegistrationAccessToken: false },
      clientIdMetadataDocument,
      resourceIndicators: {
        enabled: true,
        defaultResource(ctx: Ctx, _client: unknown, oneOf?: string) {
          // A device authorization names its resource: nothing in it shows the user where the token goes.
          if (ctx.oidc.route === "device_authorization" && !oneOf) throw new errors.InvalidTarget!("resource is required");
          return oneOf ?? RESOURCES.mcp;
        },
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx: unknown, resource: string) {
          if (resource !== RESOURCES.mcp && resource !== RESOURCES.v1) throw new errors.InvalidTarget!();
          return {
            scope: RESOURCE_SCOPES.join(" "),
            audience: resource,
            accessTokenTTL: accessTokenTtl,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: SIGNING_ALG } },
          };
        },
      },
    },
    fetch: providerFetch,
    // Public clients only (no client secrets to store): PKCE S256 for every one, codes only.
    pkce: { required: () => true },
    responseTypes: ["code"],
    clientAuthMethods: ["none"],
    clientDefaults: {
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      id_token_signed_response_alg: SIGNING_ALG,
    },
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALG] },
    scopes: [...OAUTH_SCOPES],
    // The grant id rides in the token so each request can check the grant still stands.
    extraTokenClaims: (_ctx: unknown, token: Token) => (token.kind === "AccessToken" && token.grantId ? { gid: token.grantId } : undefined),
    issueRefreshToken: (_ctx: unknown, client: Client, source: Source) => client.grantTypeAllowed("refresh_token") && source.scopes.has("offline_access"),
    // Single use: every refresh returns a new refresh token; a spent one presented again revokes the grant.
    rotateRefreshToken: true,
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      DeviceCode: 10 * 60,
      Interaction: 15 * 60,
      Session: DAY,
      Grant: 365 * DAY,
      RefreshToken: 90 * DAY,
    },
  };
}

// One provider per process, rebuilt when the signing keys change (a rotation made by another instance).
let current: { provider: Provider; kids: string; checkedAt: number } | null = null;
let building: Promise<Provider> | null = null;
const KEY_CHECK_MS = 60_000;

async function build(): Promise<Provider> {
  const jwks = await loadSigningJwks();
  const kids = jwks.map((key) => key.kid).join(",");
  if (current && current.kids === kids) {
    current.checkedAt = Date.now();
    return current.provider;
  }
  const provider = new Provider(env.AUTH_URL, configuration(jwks));
  // Behind the route handler: Koa takes the protocol from x-forwarded-proto, which the bridge sets.
  provider.proxy = true;
  current = { provider, kids, checkedAt: Date.now() };
  return provider;
}

export async function oauthProvider(): Promise<Provider> {
  if (current && Date.now() - current.checkedAt < KEY_CHECK_MS) return current.provider;
  building ??= build().finally(() => {
    building = null;
  });
  return building;
}
