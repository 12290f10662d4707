import crypto from "node:crypto";

// The header that carries BENCH_UNGATED_SECRET on a benchmark's requests (docs/benchmarks.md).
export const UNGATED_HEADER = "x-keyline-bench-ungated";

export function matchesBenchSecret(presented: string | null, secret: string | undefined): boolean {
  if (!presented || !secret) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
