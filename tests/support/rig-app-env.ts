import { oauthClients } from "./oauth-clients";
import { modelServerOrigin, ports } from "./ports";

// One admin address per test that needs one (magic links are limited per address).
export const RIG_ADMIN_EMAILS = Array.from({ length: 30 }, (_, i) => `rig-admin-${i + 1}@example.test`);

// Google, GitHub (Enterprise layout) and a generic OIDC issuer, all on the rig's OAuth server.
export function rigOAuthEnv(): Record<string, string> {
  return {
    AUTH_GOOGLE_ID: oauthClients.google.id,
    AUTH_GOOGLE_SECRET: oauthClients.google.secret,
    AUTH_GOOGLE_ISSUER: oauthClients.google.issuer,
    AUTH_GITHUB_ID: oauthClients.github.id,
    AUTH_GITHUB_SECRET: oauthClients.github.secret,
    AUTH_GITHUB_ENTERPRISE_URL: oauthClients.github.baseUrl,
    AUTH_OIDC_ISSUER: oauthClients.oidc.issuer,
    AUTH_OIDC_ID: oauthClients.oidc.id,
    AUTH_OIDC_SECRET: oauthClients.oidc.secret,
    AUTH_OIDC_NAME: oauthClients.oidc.name,
  };
}

// The settings every app process of the e2e rig runs with (the main app in playwright.config.ts, and the
// extra processes some tests start): the same secret, so sessions and links work across them.
export function rigAppEnv(port: number): Record<string, string> {
  return {
    PORT: String(port),
    AUTH_URL: `http://localhost:${port}`,
    AUTH_SECRET: "e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    EMAIL_SERVER: `smtp://127.0.0.1:${ports.smtp}`,
    EMAIL_FROM: "Keyline <no-reply@keyline.test>",
    // The chat and the developer API talk to the rig's OpenAI-compatible model server.
    OPENAI_BASE_URL: `${modelServerOrigin}/v1`,
    OPENAI_API_KEY: "test-upstream-key",
    AI_MODELS: "openai:test-model,demo",
    // The suite signs up hundreds of people; the other policies are tested on app processes of their own
    // (tests/e2e/sign-up-policy.spec.ts). ADMIN_EMAILS names the rig's admins, so no random first test user
    // becomes one.
    SIGNUP: "open",
    ADMIN_EMAILS: RIG_ADMIN_EMAILS.join(","),
  };
}
