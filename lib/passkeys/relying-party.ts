import "server-only";
import { env } from "@/lib/env";

// The relying party comes from AUTH_URL alone: a request's Host or Origin header never decides which
// origin a passkey is bound to or which origin a response must come from.
export const relyingParty = {
  id: new URL(env.AUTH_URL).hostname,
  name: "Keyline",
  origin: env.AUTH_URL,
} as const;

// The browser prompt's own timeout; the server-side challenge outlives it a little.
export const CEREMONY_TIMEOUT_MS = 2 * 60_000;
export const CHALLENGE_TTL_MS = 5 * 60_000;
