import "server-only";
import crypto from "node:crypto";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { validateSessionToken } from "./session-store";

// Benchmarks only (BENCH_UNGATED_SECRET, docs/benchmarks.md): to measure what the per-request session
// check costs, a request carrying the secret in this header renders the same page with the result of
// this session's first check, kept in memory, instead of asking the database again. It never admits a
// session that was not valid when first checked; lib/env.ts refuses the setting unless AUTH_URL is a
// loopback origin, and the server says at start that it is set.
export const UNGATED_HEADER = "x-keyline-bench-ungated";
const MAX_REMEMBERED = 1_000;

type Checked = NonNullable<Awaited<ReturnType<typeof validateSessionToken>>>;
const remembered = new Map<string, Checked>();

function matchesSecret(presented: string, secret: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

// undefined: not an ungated benchmark request (check the session as usual).
export async function ungatedSession(token: string): Promise<Checked | null | undefined> {
  const secret = env.BENCH_UNGATED_SECRET;
  const presented = secret ? (await headers()).get(UNGATED_HEADER) : null;
  if (!secret || !presented || !matchesSecret(presented, secret)) return undefined;
  const known = remembered.get(token);
  if (known) return known;
  const checked = await validateSessionToken(token);
  if (checked && remembered.size < MAX_REMEMBERED) remembered.set(token, checked);
  return checked;
}
