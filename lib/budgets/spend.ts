import "server-only";
import { adjustBudgetTokens, reserveBudgetTokens } from "@/lib/db/queries/token-budgets";
import { recordTokenUsage, type UsageSource } from "@/lib/db/queries/token-usage";
import { AppError } from "@/lib/errors";
import { estimateTokens } from "./estimate";
import { budgetFor, describeBudget } from "./policy";
import { windowAt, type Budget } from "./window";

export type Usage = { inputTokens?: number; outputTokens?: number };

// One model call's spending: begun before the call (the budget check), finished once its usage is known
// (or cancelled when the call never happened, which gives the reservation back).
export type Spend = {
  finish(usage: Usage & { model: string; text?: string; promptTokens?: number }): Promise<void>;
  cancel(): Promise<void>;
};

type Start = {
  userId: string;
  // User.tokenBudget, from the row the request's credential check loaded.
  tokenBudget: string | null | undefined;
  source: UsageSource;
  // The prompt's estimated tokens: reserved up front, so parallel requests see each other before any
  // reply has been counted.
  promptTokens: number;
  // What the reply may cost at most, when the caller said (max_tokens): reserved with the prompt.
  expectedOutputTokens?: number;
  now?: Date;
};

// The one budget check of every model call. No statement when no budget applies; otherwise one atomic
// statement that reserves the prompt's estimate while the user is under the budget in this window, or a
// 429 AppError (rate_limited:token_budget) with Retry-After and the reset time in words. A request let
// in may finish its reply past the budget; the next one is refused. So N parallel requests overspend by at
// most the replies in flight, on any number of instances.
export async function startSpend(input: Start): Promise<Spend> {
  const now = input.now ?? new Date();
  const budget = budgetFor(input.tokenBudget);
  const reserved = Math.max(1, whole(input.promptTokens) + whole(input.expectedOutputTokens ?? 0));
  let windowStart: number | null = null;
  if (budget) {
    const window = windowAt(now.getTime(), budget.windowMs);
    const used = await reserveBudgetTokens({ userId: input.userId, windowStart: window.start, tokens: reserved, limit: budget.tokens });
    if (used === null) throw budgetExceeded(budget, window.end, now.getTime());
    windowStart = window.start;
  }
  let done = false;
  const settle = async (work: () => Promise<void>) => {
    if (done) return;
    done = true;
    try {
      await work();
    } catch (error) {
      // Bookkeeping after a reply must never fail the reply.
      console.error("[budgets] could not record usage:", error instanceof Error ? error.message : String(error));
    }
  };
  return {
    finish: (usage) =>
      settle(async () => {
        const estimated = usage.inputTokens === undefined || usage.outputTokens === undefined;
        const inputTokens = whole(usage.inputTokens ?? usage.promptTokens ?? input.promptTokens);
        const outputTokens = whole(usage.outputTokens ?? estimateTokens(usage.text ?? ""));
        if (windowStart !== null) await adjustBudgetTokens({ userId: input.userId, windowStart, delta: inputTokens + outputTokens - reserved });
        await recordTokenUsage({ userId: input.userId, day: utcDay(now), model: usage.model, source: input.source, inputTokens, outputTokens, estimated });
      }),
    cancel: () =>
      settle(async () => {
        if (windowStart !== null) await adjustBudgetTokens({ userId: input.userId, windowStart, delta: -reserved });
      }),
  };
}

const whole = (value: number) => (Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0);

export const utcDay = (date: Date) => date.toISOString().slice(0, 10);

export const BUDGET_EXCEEDED = "rate_limited:token_budget" as const;

export function budgetExceeded(budget: Budget, resetsAt: number, now: number): AppError {
  const seconds = Math.max(1, Math.ceil((resetsAt - now) / 1000));
  const message = `You have used your token budget (${describeBudget(budget)}). It resets ${formatReset(resetsAt, now)}.`;
  return new AppError(BUDGET_EXCEEDED, message, { headers: { "Retry-After": String(seconds), "X-Budget-Reset": new Date(resetsAt).toISOString() } });
}

// Spelled out rather than through Intl, whose output differs between ICU builds.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// "at 00:00 UTC on Thu, 3 Dec (in 8 h 12 min)": the server cannot know the reader's time zone, so UTC,
// plus how long that is from now, which reads right anywhere.
export function formatReset(resetsAt: number, now: number): string {
  const at = new Date(resetsAt);
  const time = at.toISOString().slice(11, 16);
  const day = `${WEEKDAYS[at.getUTCDay()]}, ${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]}`;
  return `at ${time} UTC on ${day} (in ${formatDuration(resetsAt - now)})`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}
