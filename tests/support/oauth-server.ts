// A real OAuth 2 / OpenID Connect server on loopback for the e2e rig, built on oauth2-mock-server (which
// signs ID tokens, serves discovery and JWKS, and checks PKCE). Three providers under one port:
//   /google  OIDC issuer (discovery, /authorize, /token, /userinfo, /jwks)
//   /oidc    OIDC issuer, same endpoints
//   /github  GitHub Enterprise layout: /login/oauth/authorize, /login/oauth/access_token,
//            /api/v3/user, /api/v3/user/emails; plain OAuth 2, so no ID token
// Like a real provider it shows a consent page, where the test (acting as the person) enters who they
// are at the provider and allows or denies; the identity is bound to the authorization code, so parallel
// tests never share state. The page can also make this one flow fail (token or profile endpoint down).
// It checks what oauth2-mock-server does not: client id and secret, the registered redirect URI, and
// that PKCE (S256) and state are sent.
// GET /__requests lists the paths called, e.g. "github GET /api/v3/user/emails".
// Env: OAUTH_SERVER_PORT (default 4300), E2E_APP_PORT (for the registered redirect URIs).
import http from "node:http";
import { OAuth2Server, type OAuth2Service } from "oauth2-mock-server";
import { oauthClients, type RigProvider } from "./oauth-clients";
import { consentForm, escapeHtml, sendHtml } from "./oauth-consent-page";
import { appOrigin, oauthServerOrigin, policyAppOrigins, ports } from "./ports";
import { recordSecret } from "./secrets-ledger";

type Identity = {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  login: string;
  publicEmail: string;
  fail: "none" | "token" | "userinfo";
};
type Grant = { provider: RigProvider; identity: Identity; redirectUri: string };
type ConsentRequest = http.IncomingMessage & { consent?: Grant };
type TokenRequest = http.IncomingMessage & { body: Record<string, string | undefined> };

const PROVIDERS: RigProvider[] = ["google", "github", "oidc"];
const TITLES: Record<RigProvider, string> = { google: "Mock Google", github: "Mock GitHub", oidc: `${oauthClients.oidc.name} (mock)` };
const AUTHORIZE_PATH: Record<RigProvider, string> = { google: "/authorize", oidc: "/authorize", github: "/login/oauth/authorize" };
const OAUTH_PARAMS = ["client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge", "code_challenge_method", "nonce"];

const grantsByCode = new Map<string, Grant>();
const grantsByAccessToken = new Map<string, Grant>();
const requestLog: string[] = [];

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

// What a real provider checks before showing its consent page; it never redirects to an unregistered URI.
function authorizationProblem(provider: RigProvider, params: URLSearchParams): string | null {
  if (params.get("client_id") !== oauthClients[provider].id) return "unknown client_id";
  const registered = [appOrigin, ...policyAppOrigins].map((origin) => `${origin}/api/auth/callback/${provider}`);
  if (!registered.includes(params.get("redirect_uri") ?? "")) return "redirect_uri is not registered for this client";
  if (params.get("response_type") !== "code") return "response_type must be code";
  if (!params.get("code_challenge") || params.get("code_challenge_method") !== "S256") return "PKCE with S256 is required";
  if (!params.get("state")) return "state is required";
  return null;
}

function consentPage(provider: RigProvider, params: URLSearchParams, res: http.ServerResponse) {
  const problem = authorizationProblem(provider, params);
  if (problem) return sendHtml(res, 400, "Invalid request", `<h1>Invalid request</h1><p>${escapeHtml(problem)}</p>`);
  sendHtml(res, 200, TITLES[provider], consentForm(provider, TITLES[provider], params, OAUTH_PARAMS));
}

function decide(provider: RigProvider, params: URLSearchParams, req: ConsentRequest, res: http.ServerResponse, service: OAuth2Service) {
  const problem = authorizationProblem(provider, params);
  if (problem) return sendHtml(res, 400, "Invalid request", `<h1>Invalid request</h1><p>${escapeHtml(problem)}</p>`);
  const redirectUri = params.get("redirect_uri")!;
  if (params.get("decision") !== "allow") {
    const back = new URL(redirectUri);
    back.searchParams.set("error", "access_denied");
    back.searchParams.set("error_description", "The user denied the request");
    back.searchParams.set("state", params.get("state")!);
    res.writeHead(302, { location: back.toString() }).end();
    return;
  }
  const sub = params.get("sub")?.trim();
  if (!sub) return sendHtml(res, 400, "Missing account", "<p>Enter an account ID.</p>");
  const fail = params.get("fail");
  req.consent = {
    provider,
    redirectUri,
    identity: {
      sub,
      email: params.get("email")?.trim() ?? "",
      emailVerified: params.get("email_verified") === "1",
      name: params.get("name")?.trim() ?? "",
      login: params.get("login")?.trim() ?? "",
      publicEmail: params.get("public_email")?.trim() ?? "",
      fail: fail === "token" || fail === "userinfo" ? fail : "none",
    },
  };
  // oauth2-mock-server issues the code (and remembers the PKCE challenge); beforeAuthorizeRedirect binds it to the identity.
  const forwarded = new URLSearchParams(OAUTH_PARAMS.filter((name) => params.has(name)).map((name) => [name, params.get(name)!]));
  req.url = `${AUTHORIZE_PATH[provider]}?${forwarded}`;
  service.requestHandler(req, res);
}

function oidcClaims({ identity }: Grant) {
  return {
    sub: identity.sub,
    ...(identity.email ? { email: identity.email, email_verified: identity.emailVerified } : {}),
    ...(identity.name ? { name: identity.name } : {}),
    ...(identity.login ? { preferred_username: identity.login } : {}),
  };
}

function clientAuthenticated(provider: RigProvider, req: TokenRequest): boolean {
  const header = req.headers.authorization ?? "";
  const decode = (value: string) => decodeURIComponent(value.replace(/\+/g, " "));
  let id = req.body.client_id;
  let secret = req.body.client_secret;
  if (header.startsWith("Basic ")) {
    const [user = "", pass = ""] = Buffer.from(header.slice(6), "base64").toString().split(":");
    [id, secret] = [decode(user), decode(pass)];
  }
  return id === oauthClients[provider].id && secret === oauthClients[provider].secret;
}

async function createService(provider: RigProvider): Promise<OAuth2Service> {
  const endpoints = provider === "github" ? { authorize: AUTHORIZE_PATH.github, token: "/login/oauth/access_token" } : undefined;
  const server = new OAuth2Server(undefined, undefined, { endpoints });
  await server.issuer.keys.generate("RS256");
  server.issuer.url = `${oauthServerOrigin}/${provider}`;
  const service = server.service;

  service.on("beforeAuthorizeRedirect", (redirect: { url: URL }, req: ConsentRequest) => {
    const code = redirect.url.searchParams.get("code");
    if (code && req.consent) grantsByCode.set(code, req.consent);
    recordSecret("oauth-code", code);
  });
  service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }, req: TokenRequest) => {
    const grant = grantsByCode.get(req.body.code ?? "");
    if (grant) Object.assign(token.payload, oidcClaims(grant));
  });
  service.on("beforeResponse", (response: { body: Record<string, unknown>; statusCode: number }, req: TokenRequest) => {
    const grant = grantsByCode.get(req.body.code ?? "");
    grantsByCode.delete(req.body.code ?? "");
    const refuse = (statusCode: number, error: string) => Object.assign(response, { statusCode, body: { error } });
    if (!clientAuthenticated(provider, req)) return refuse(401, "invalid_client");
    if (!grant || grant.provider !== provider || req.body.redirect_uri !== grant.redirectUri) return refuse(400, "invalid_grant");
    if (grant.identity.fail === "token") return refuse(503, "temporarily_unavailable");
    grantsByAccessToken.set(String(response.body.access_token), grant);
    for (const name of ["access_token", "id_token", "refresh_token"]) recordSecret("oauth-token", response.body[name] as string | undefined);
    if (provider === "github") {
      response.body = { access_token: response.body.access_token, token_type: "bearer", scope: "read:user,user:email" };
    }
  });
  service.on("beforeUserinfo", (response: { body: unknown; statusCode: number }, req: http.IncomingMessage) => {
    const grant = grantsByAccessToken.get(req.headers.authorization?.replace(/^Bearer /, "") ?? "");
    Object.assign(response, grant ? { statusCode: 200, body: oidcClaims(grant) } : { statusCode: 401, body: { error: "invalid_token" } });
  });
  return service;
}

function githubApi(path: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const grant = grantsByAccessToken.get(req.headers.authorization?.replace(/^Bearer /, "") ?? "");
  if (!grant || grant.provider !== "github") return sendJson(res, 401, { message: "Bad credentials" });
  const { identity } = grant;
  if (identity.fail === "userinfo") return sendJson(res, 502, { message: "Server Error" });
  if (path === "/api/v3/user") {
    return sendJson(res, 200, {
      id: Number(identity.sub),
      login: identity.login || `user${identity.sub}`,
      name: identity.name || null,
      email: identity.publicEmail || null,
      avatar_url: null,
    });
  }
  sendJson(res, 200, identity.email ? [{ email: identity.email, primary: true, verified: identity.emailVerified, visibility: "private" }] : []);
}

async function main() {
  const services = Object.fromEntries(await Promise.all(PROVIDERS.map(async (p) => [p, await createService(p)] as const))) as Record<
    RigProvider,
    OAuth2Service
  >;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", oauthServerOrigin);
    if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/__requests") return sendJson(res, 200, { requests: requestLog });
    const match = url.pathname.match(/^\/(google|github|oidc)(\/.*)?$/);
    if (!match) return sendJson(res, 404, { error: "not_found" });
    const provider = match[1] as RigProvider;
    const rest = match[2] ?? "/";
    requestLog.push(`${provider} ${req.method} ${rest}`);
    if (req.method === "GET" && rest === AUTHORIZE_PATH[provider]) return consentPage(provider, url.searchParams, res);
    if (req.method === "GET" && rest === "/__decide") return decide(provider, url.searchParams, req, res, services[provider]);
    if (provider === "github" && (rest === "/api/v3/user" || rest === "/api/v3/user/emails")) return githubApi(rest, req, res);
    req.url = `${rest}${url.search}`;
    services[provider].requestHandler(req, res);
  });
  server.listen(ports.oauth, "127.0.0.1", () => console.log(`oauth server on ${oauthServerOrigin}`));
}

void main();
