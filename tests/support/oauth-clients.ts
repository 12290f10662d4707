import { oauthServerOrigin } from "./ports";

// The OAuth clients registered with the rig's OAuth server (tests/support/oauth-server.ts); the app is
// configured with the same values in playwright.config.ts.
export const oauthClients = {
  google: { id: "keyline-google-client", secret: "google-client-secret", issuer: `${oauthServerOrigin}/google` },
  github: { id: "keyline-github-client", secret: "github-client-secret", baseUrl: `${oauthServerOrigin}/github` },
  oidc: { id: "keyline-oidc-client", secret: "oidc-client-secret", issuer: `${oauthServerOrigin}/oidc`, name: "Acme SSO" },
} as const;

export type RigProvider = keyof typeof oauthClients;
