import "server-only";
import { budgetTokensUsed } from "@/lib/db/queries/token-budgets";
import { listTokenUsage, type UsageSource } from "@/lib/db/queries/token-usage";
import { ownBudgetOf, budgetFor, describeBudget } from "./policy";
import { utcDay } from "./spend";
import { windowAt } from "./window";

// What the usage pages show (Settings → Usage for oneself, Admin → user for anyone): the current budget
// window, and tokens by day, model and source over the last USAGE_DAYS UTC days, from the usage ledger.
export const USAGE_DAYS = 30;
const DAY_MS = 86_400_000;

export const SOURCE_LABELS: Record<UsageSource, string> = {
  chat: "Chat",
  api_key: "API keys",
  oauth: "Connected apps",
  mcp: "Connected apps (MCP)",
};

export type UsageSummary = {
  budget: { kind: "default" | "own" | "exempt" | "none"; description: string | null; stored: string | null };
  window: { start: Date; end: Date; used: number; limit: number | null };
  days: { day: string; tokens: number; requests: number }[];
  models: { model: string; requests: number; inputTokens: number; outputTokens: number; tokens: number }[];
  sources: { source: string; label: string; requests: number; tokens: number }[];
  total: number;
  requests: number;
  estimated: number;
};

export function usageFromDay(now: Date): string {
  return utcDay(new Date(now.getTime() - (USAGE_DAYS - 1) * DAY_MS));
}

export async function usageSummary({ userId, tokenBudget, now = new Date() }: { userId: string; tokenBudget: string | null; now?: Date }): Promise<UsageSummary> {
  const own = ownBudgetOf(tokenBudget);
  const budget = budgetFor(tokenBudget);
  const rows = await listTokenUsage({ userId, fromDay: usageFromDay(now) });

  const byDay = new Map<string, { tokens: number; requests: number }>();
  const byModel = new Map<string, UsageSummary["models"][number]>();
  const bySource = new Map<string, { requests: number; tokens: number }>();
  let total = 0;
  let requests = 0;
  let estimated = 0;
  for (const row of rows) {
    const tokens = row.inputTokens + row.outputTokens;
    total += tokens;
    requests += row.requests;
    estimated += row.estimated;
    const day = byDay.get(row.day) ?? { tokens: 0, requests: 0 };
    byDay.set(row.day, { tokens: day.tokens + tokens, requests: day.requests + row.requests });
    const model = byModel.get(row.model) ?? { model: row.model, requests: 0, inputTokens: 0, outputTokens: 0, tokens: 0 };
    byModel.set(row.model, {
      model: row.model,
      requests: model.requests + row.requests,
      inputTokens: model.inputTokens + row.inputTokens,
      outputTokens: model.outputTokens + row.outputTokens,
      tokens: model.tokens + tokens,
    });
    const source = bySource.get(row.source) ?? { requests: 0, tokens: 0 };
    bySource.set(row.source, { requests: source.requests + row.requests, tokens: source.tokens + tokens });
  }

  const days = Array.from({ length: USAGE_DAYS }, (_, index) => {
    const day = utcDay(new Date(now.getTime() - (USAGE_DAYS - 1 - index) * DAY_MS));
    return { day, ...(byDay.get(day) ?? { tokens: 0, requests: 0 }) };
  });

  // With a budget, the window is its window and the count is the budget's own (replies in flight included);
  // without one, today (UTC) from the ledger.
  const span = windowAt(now.getTime(), budget?.windowMs ?? DAY_MS);
  const used = budget ? await budgetTokensUsed({ userId, windowStart: span.start }) : (byDay.get(utcDay(now))?.tokens ?? 0);

  return {
    budget: {
      kind: own.kind === "default" && !budget ? "none" : own.kind,
      description: budget ? describeBudget(budget) : null,
      stored: tokenBudget,
    },
    window: { start: new Date(span.start), end: new Date(span.end), used, limit: budget?.tokens ?? null },
    days,
    models: [...byModel.values()].sort((a, b) => b.tokens - a.tokens),
    sources: [...bySource.entries()]
      .map(([source, value]) => ({ source, label: SOURCE_LABELS[source as UsageSource] ?? source, ...value }))
      .sort((a, b) => b.tokens - a.tokens),
    total,
    requests,
    estimated,
  };
}
