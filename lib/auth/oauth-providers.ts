import "server-only";
import type { Profile, TokenSet } from "@auth/core/types";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/lib/env";
import { fetchGithubProfile, githubApiBaseUrl } from "./github-profile";
import { type OAuthProviderId, type RawProfile, userFromProfile } from "./provider-identity";

// Google, GitHub (or GitHub Enterprise Server) and one generic OpenID Connect issuer, each built only
// when its settings are present.

// Auth.js checks PKCE alone by default; state as well binds the callback to the browser that started it.
const checks: ["pkce", "state"] = ["pkce", "state"];

// Only what the adapter stores (lib/auth/adapter.ts): the display fields and link reason that the signIn
// callback puts on the account (lib/auth/linking.ts). Provider access, refresh and ID tokens go nowhere.
function accountFields(tokens: Record<string, unknown>) {
  const keep: Record<string, string> = {};
  for (const key of ["email", "login", "linkReason"] as const) {
    const value = tokens[key];
    if (typeof value === "string") keep[key] = value;
  }
  return keep;
}

// Auth.js links a provider account to an existing user with the same email only when this flag is on.
// It is safe here because profile() hands Auth.js an email only when the provider asserts it verified,
// and the signIn callback (lib/auth/linking.ts) refuses an unverified match before Auth.js looks.
const linking = { allowDangerousEmailAccountLinking: true } as const;

export type OAuthProviderOption = { id: OAuthProviderId; name: string };

export function oauthProviderOptions(): OAuthProviderOption[] {
  const options: OAuthProviderOption[] = [];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) options.push({ id: "google", name: "Google" });
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) options.push({ id: "github", name: "GitHub" });
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) options.push({ id: "oidc", name: env.AUTH_OIDC_NAME });
  return options;
}

function googleProvider(): Provider {
  return Google({
    clientId: env.AUTH_GOOGLE_ID,
    clientSecret: env.AUTH_GOOGLE_SECRET,
    issuer: env.AUTH_GOOGLE_ISSUER ?? "https://accounts.google.com",
    checks,
    ...linking,
    profile: (profile) => userFromProfile("google", profile as RawProfile),
    account: accountFields,
  });
}

function githubProvider(): Provider {
  const enterpriseUrl = env.AUTH_GITHUB_ENTERPRISE_URL?.replace(/\/+$/, "");
  const apiBaseUrl = githubApiBaseUrl(enterpriseUrl);
  return GitHub({
    clientId: env.AUTH_GITHUB_ID,
    clientSecret: env.AUTH_GITHUB_SECRET,
    // Moves /login/oauth/authorize, /login/oauth/access_token, /api/v3/user and /api/v3/user/emails.
    ...(enterpriseUrl ? { enterprise: { baseUrl: enterpriseUrl } } : {}),
    checks,
    ...linking,
    userinfo: {
      url: `${apiBaseUrl}/user`,
      // GitHub's numeric `id` does not fit Auth.js's Profile type; profile() below reads it.
      request: async ({ tokens }: { tokens: TokenSet }) => (await fetchGithubProfile(apiBaseUrl, tokens.access_token)) as unknown as Profile,
    },
    profile: (profile) => userFromProfile("github", profile as unknown as RawProfile),
    account: accountFields,
  });
}

function oidcProvider(): Provider {
  return {
    id: "oidc",
    name: env.AUTH_OIDC_NAME,
    type: "oidc",
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_ID,
    clientSecret: env.AUTH_OIDC_SECRET,
    checks,
    ...linking,
    profile: (profile) => userFromProfile("oidc", profile as RawProfile),
    account: accountFields,
  };
}

export function configuredOAuthProviders(): Provider[] {
  const builders: Record<OAuthProviderId, () => Provider> = { google: googleProvider, github: githubProvider, oidc: oidcProvider };
  return oauthProviderOptions().map((option) => builders[option.id]());
}
