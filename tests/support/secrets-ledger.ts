import fs from "node:fs";

// Every bearer secret the e2e rig hands out or sees (magic-link tokens, OAuth codes and tokens, cookies
// the app sets, API keys, share-link tokens), one JSON line each in E2E_SECRETS_FILE. After the suite, check-logs.ts
// proves none of them reached an app log. Appends are single small writes, safe across processes.
export type SecretKind = "magic-link" | "oauth-code" | "oauth-token" | "cookie" | "session-cookie" | "api-key" | "share-token" | "invitation-token";

export function recordSecret(kind: SecretKind, value: string | null | undefined): void {
  const file = process.env.E2E_SECRETS_FILE;
  if (!file || !value || value.length < 12) return;
  fs.appendFileSync(file, `${JSON.stringify({ kind, value })}\n`);
}
