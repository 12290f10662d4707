import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-client";
import type * as Spend from "@/lib/budgets/spend";
import type * as Counter from "@/lib/db/queries/token-budgets";
import { useMigratedSqlite } from "./support/migrated-sqlite";

vi.mock("server-only", () => ({}));

// The budget counter on a SQLite database migrated like the app's: reservations are atomic under
// concurrency, a later window starts from zero, settling replaces the estimate by the reported usage.
let db: Db;
let counter: typeof Counter;
let spend: typeof Spend;

beforeAll(async () => {
  await useMigratedSqlite("budgets");
  db = (await import("@/lib/db/client")).db;
  counter = await import("@/lib/db/queries/token-budgets");
  spend = await import("@/lib/budgets/spend");
});

const DAY = 86_400_000;
const user = async (tokenBudget: string | null = null) => db.user.create({ data: { email: `${Math.random().toString(36).slice(2)}@example.test`, status: "active", tokenBudget } });

describe("reserveBudgetTokens", () => {
  it("lets parallel reservations in only while the count is under the limit, each seeing the others", async () => {
    const { id } = await user();
    const results = await Promise.all(Array.from({ length: 50 }, () => counter.reserveBudgetTokens({ userId: id, windowStart: 0, tokens: 10, limit: 100 })));
    const admitted = results.filter((used) => used !== null);
    expect(admitted).toHaveLength(10);
    expect(new Set(admitted).size).toBe(10);
    expect(Math.max(...(admitted as number[]))).toBe(100);
    expect(await counter.budgetTokensUsed({ userId: id, windowStart: 0 })).toBe(100);
  });

  it("starts a later window from zero and ignores an earlier one", async () => {
    const { id } = await user();
    expect(await counter.reserveBudgetTokens({ userId: id, windowStart: DAY, tokens: 150, limit: 100 })).toBe(150);
    expect(await counter.reserveBudgetTokens({ userId: id, windowStart: DAY, tokens: 1, limit: 100 })).toBeNull();
    expect(await counter.reserveBudgetTokens({ userId: id, windowStart: 2 * DAY, tokens: 5, limit: 100 })).toBe(5);
    // A request that began in the earlier window (a slow clock) adds to the current count, never resets it.
    expect(await counter.reserveBudgetTokens({ userId: id, windowStart: DAY, tokens: 5, limit: 100 })).toBe(10);
    expect(await counter.budgetTokensUsed({ userId: id, windowStart: 2 * DAY })).toBe(10);
    expect(await counter.budgetTokensUsed({ userId: id, windowStart: 3 * DAY })).toBe(0);
  });

  it("adjusts only the window it reserved in, never below zero", async () => {
    const { id } = await user();
    await counter.reserveBudgetTokens({ userId: id, windowStart: DAY, tokens: 10, limit: 100 });
    await counter.adjustBudgetTokens({ userId: id, windowStart: DAY, delta: 25 });
    expect(await counter.budgetTokensUsed({ userId: id, windowStart: DAY })).toBe(35);
    await counter.adjustBudgetTokens({ userId: id, windowStart: 0, delta: 1000 });
    expect(await counter.budgetTokensUsed({ userId: id, windowStart: DAY })).toBe(35);
    await counter.adjustBudgetTokens({ userId: id, windowStart: DAY, delta: -1000 });
    expect(await counter.budgetTokensUsed({ userId: id, windowStart: DAY })).toBe(0);
  });
});

describe("startSpend", () => {
  const now = new Date("2026-12-02T15:00:00Z");
  const windowStart = Date.parse("2026-12-02T00:00:00Z");

  it("reserves the prompt estimate, settles to the reported usage and records it in the ledger", async () => {
    const { id } = await user("1000/1d");
    const first = await spend.startSpend({ userId: id, tokenBudget: "1000/1d", source: "api_key", promptTokens: 40, now });
    expect(await counter.budgetTokensUsed({ userId: id, windowStart })).toBe(40);
    await first.finish({ model: "demo", inputTokens: 30, outputTokens: 70 });
    await first.finish({ model: "demo", inputTokens: 30, outputTokens: 70 }); // once only
    expect(await counter.budgetTokensUsed({ userId: id, windowStart })).toBe(100);
    expect(await db.tokenUsage.findMany({ where: { userId: id } })).toMatchObject([
      { day: "2026-12-02", model: "demo", source: "api_key", requests: 1, inputTokens: 30, outputTokens: 70, estimated: 0 },
    ]);
  });

  it("estimates what the provider did not report, and marks it", async () => {
    const { id } = await user();
    const turn = await spend.startSpend({ userId: id, tokenBudget: "1000/1d", source: "chat", promptTokens: 3, now });
    await turn.finish({ model: "demo", text: "x".repeat(41), promptTokens: 12 });
    expect(await counter.budgetTokensUsed({ userId: id, windowStart })).toBe(12 + 11);
    expect(await db.tokenUsage.findFirst({ where: { userId: id } })).toMatchObject({ inputTokens: 12, outputTokens: 11, estimated: 1 });
  });

  it("refuses once the budget is used, with Retry-After to the window's end and the reset time in words", async () => {
    const { id } = await user();
    const big = await spend.startSpend({ userId: id, tokenBudget: "100/1d", source: "chat", promptTokens: 10, now });
    await big.finish({ model: "demo", inputTokens: 10, outputTokens: 500 }); // a reply in flight finishes past the budget
    const refused = await spend.startSpend({ userId: id, tokenBudget: "100/1d", source: "chat", promptTokens: 10, now }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "rate_limited:token_budget", status: 429, headers: { "Retry-After": String(9 * 3600) } });
    expect((refused as Error).message).toBe("You have used your token budget (100 tokens per day). It resets at 00:00 UTC on Thu, 3 Dec (in 9 h).");
  });

  it("costs no statement without a budget or for an exempt user, and still records usage", async () => {
    const { id } = await user("exempt");
    const spy = vi.spyOn(db, "$queryRaw");
    const exempt = await spend.startSpend({ userId: id, tokenBudget: "exempt", source: "oauth", promptTokens: 10, now });
    const none = await spend.startSpend({ userId: id, tokenBudget: null, source: "oauth", promptTokens: 10, now });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    await exempt.finish({ model: "demo", inputTokens: 1, outputTokens: 2 });
    await none.finish({ model: "demo", inputTokens: 1, outputTokens: 2 });
    expect(await db.tokenBudgetCounter.count({ where: { userId: id } })).toBe(0);
    expect(await db.tokenUsage.findFirst({ where: { userId: id } })).toMatchObject({ requests: 2, inputTokens: 2, outputTokens: 4 });
  });

  it("reserves a capped reply's cap with the prompt, and settles to what was used", async () => {
    const { id } = await user();
    const capped = await spend.startSpend({ userId: id, tokenBudget: "1000/1d", source: "api_key", promptTokens: 10, expectedOutputTokens: 100, now });
    expect(await counter.budgetTokensUsed({ userId: id, windowStart })).toBe(110);
    await capped.finish({ model: "demo", inputTokens: 9, outputTokens: 30 });
    expect(await counter.budgetTokensUsed({ userId: id, windowStart })).toBe(39);
  });

  it("gives the reservation back when the turn never reached the model", async () => {
    const { id } = await user();
    const cancelled = await spend.startSpend({ userId: id, tokenBudget: "100/1d", source: "chat", promptTokens: 60, now });
    await cancelled.cancel();
    expect(await counter.budgetTokensUsed({ userId: id, windowStart })).toBe(0);
    expect(await db.tokenUsage.count({ where: { userId: id } })).toBe(0);
  });
});
