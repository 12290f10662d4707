import "server-only";
import { headers } from "next/headers";
import { matchesBenchSecret, UNGATED_HEADER } from "@/lib/bench/secret";
import type { validateSessionToken } from "./session-store";

// Benchmarks only (BENCH_UNGATED_SECRET, docs/benchmarks.md): to measure what the per-request session
// check costs, a request carrying the secret in this header renders the same page with the result of
// this session's first check, kept in memory, instead of asking the database again. It never admits a
// session that was not valid when first checked; lib/env.ts refuses the setting unless AUTH_URL is a
// loopback origin, and the server says at start that it is set.
const MAX_REMEMBERED = 1_000;

type SessionLookup = typeof validateSessionToken;
type Checked = NonNullable<Awaited<ReturnType<SessionLookup>>>;

// Wraps the guard's session lookup; installed by lib/auth/guard.ts only when the setting is present, so
// the normal path never reaches this code.
export function withBenchUngated(lookup: SessionLookup, secret: string): SessionLookup {
  const remembered = new Map<string, Checked>();
  return async (token) => {
    const presented = (await headers()).get(UNGATED_HEADER);
    if (!matchesBenchSecret(presented, secret)) return lookup(token);
    const known = remembered.get(token);
    if (known) return known;
    const checked = await lookup(token);
    if (checked && remembered.size < MAX_REMEMBERED) remembered.set(token, checked);
    return checked;
  };
}
