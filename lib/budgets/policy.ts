import { env } from "@/lib/env";
import { EXEMPT_BUDGET as EXEMPT } from "./own-budget";
import { formatBudget, parseBudget, type Budget } from "./window";

// A user's own budget, as stored on their row (User.tokenBudget): null follows BUDGET_TOKENS.

export type OwnBudget = { kind: "default" } | { kind: "exempt" } | { kind: "own"; budget: Budget };

export function ownBudgetOf(stored: string | null | undefined): OwnBudget {
  if (stored === null || stored === undefined) return { kind: "default" };
  if (stored === EXEMPT) return { kind: "exempt" };
  const budget = parseBudget(stored);
  // A value this release cannot read must not lift the limit: the setting applies.
  return budget ? { kind: "own", budget } : { kind: "default" };
}

// The budget that applies to a user, or null when none does. Reads no database: the stored value comes
// with the user row the request has already loaded.
export function budgetFor(stored: string | null | undefined, fallback: Budget | undefined = env.BUDGET_TOKENS): Budget | null {
  const own = ownBudgetOf(stored);
  if (own.kind === "exempt") return null;
  if (own.kind === "own") return own.budget;
  return fallback ?? null;
}

export function describeBudget(budget: Budget): string {
  const [tokens, window] = formatBudget(budget).split("/") as [string, string];
  const unit = { s: "second", m: "minute", h: "hour", d: "day" }[window.at(-1) as "s" | "m" | "h" | "d"];
  const count = Number(window.slice(0, -1));
  return `${Number(tokens).toLocaleString("en-US")} tokens per ${count === 1 ? unit : `${count} ${unit}s`}`;
}

export function defaultBudgetDescription(): string | null {
  return env.BUDGET_TOKENS ? describeBudget(env.BUDGET_TOKENS) : null;
}
