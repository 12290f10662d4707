// Token budgets in the rate limits' syntax ("500000/1d") and the windows they count in. Pure: lib/env.ts
// parses BUDGET_TOKENS with it, the admin form and API parse a user's own budget with it.

export type Budget = { tokens: number; windowMs: number };

const SPEC = /^(\d{1,10})\/(\d{1,4})(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
// A window longer than a year would never reset in practice; shorter than a minute is a rate limit.
const MIN_WINDOW_MS = 60_000;
const MAX_WINDOW_MS = 366 * UNIT_MS.d;
// The counter is a 32-bit column: a budget just under this plus the largest reservation (a 1 MB prompt and a
// reply cap) stays below 2^31 - 1, so going over a budget is a 429, never an integer overflow.
const MAX_TOKENS = 1_000_000_000;

export function parseBudget(value: string): Budget | null {
  const match = SPEC.exec(value.trim());
  if (!match) return null;
  const tokens = Number(match[1]);
  const windowMs = Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS];
  if (tokens < 1 || tokens > MAX_TOKENS || windowMs < MIN_WINDOW_MS || windowMs > MAX_WINDOW_MS) return null;
  return { tokens, windowMs };
}

// Names both limits: "2000000000/1d" looks right, so a refusal that only showed the shape would not say why.
export const BUDGET_FORMAT_HINT = `must look like 500000/1d (tokens/window: 1 to ${MAX_TOKENS.toLocaleString("en-US")} tokens, window from 1m to 366d)`;

export function formatBudget({ tokens, windowMs }: Budget): string {
  for (const unit of ["d", "h", "m"] as const) {
    if (windowMs % UNIT_MS[unit] === 0) return `${tokens}/${windowMs / UNIT_MS[unit]}${unit}`;
  }
  return `${tokens}/${Math.round(windowMs / 1000)}s`;
}

// Windows are fixed and aligned to the Unix epoch, so every instance agrees on them without talking and
// a reset time can be told in advance: 1d resets at 00:00 UTC, 1h on the hour, 7d on Thursdays 00:00 UTC.
export function windowAt(now: number, windowMs: number): { start: number; end: number } {
  const start = Math.floor(now / windowMs) * windowMs;
  return { start, end: start + windowMs };
}
