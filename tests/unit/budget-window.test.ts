import { describe, expect, it } from "vitest";
import { estimatePromptTokens, estimateTokens } from "@/lib/budgets/estimate";
import { formatBudget, parseBudget, windowAt } from "@/lib/budgets/window";

const DAY = 86_400_000;

describe("budget syntax", () => {
  it("reads count/window like the rate limits, within bounds", () => {
    expect(parseBudget("500000/1d")).toEqual({ tokens: 500_000, windowMs: DAY });
    expect(parseBudget(" 1000/12h ")).toEqual({ tokens: 1000, windowMs: 12 * 3_600_000 });
    expect(parseBudget("10/1m")).toEqual({ tokens: 10, windowMs: 60_000 });
    for (const bad of ["", "exempt", "0/1d", "100/0d", "100/30s", "100/367d", "100/1w", "-5/1d", "1e6/1d", "100 / 1d", "5000000000/1d", "100/1d;"]) {
      expect(parseBudget(bad), bad).toBeNull();
    }
  });

  it("writes a budget back in its shortest unit", () => {
    expect(formatBudget({ tokens: 500_000, windowMs: DAY })).toBe("500000/1d");
    expect(formatBudget({ tokens: 9, windowMs: 90 * 60_000 })).toBe("9/90m");
    expect(formatBudget({ tokens: 9, windowMs: 48 * 3_600_000 })).toBe("9/2d");
  });
});

describe("budget windows", () => {
  it("are aligned to the epoch: 1d runs from 00:00 UTC to the next 00:00 UTC", () => {
    const now = Date.parse("2026-12-02T15:19:34.123Z");
    expect(windowAt(now, DAY)).toEqual({ start: Date.parse("2026-12-02T00:00:00Z"), end: Date.parse("2026-12-03T00:00:00Z") });
    expect(windowAt(now, 3_600_000)).toEqual({ start: Date.parse("2026-12-02T15:00:00Z"), end: Date.parse("2026-12-02T16:00:00Z") });
  });

  it("put the last millisecond of a window in it and its end in the next", () => {
    const end = Date.parse("2026-12-03T00:00:00Z");
    expect(windowAt(end - 1, DAY).end).toBe(end);
    expect(windowAt(end, DAY).start).toBe(end);
  });

  it("agree between instances at any moment (no state): the same start for every time inside", () => {
    const start = Date.parse("2026-11-26T00:00:00Z"); // a Thursday: 7d windows start on Thursdays, as the epoch did
    for (const offset of [0, 1, DAY, 6 * DAY, 7 * DAY - 1]) expect(windowAt(start + offset, 7 * DAY).start).toBe(start);
  });
});

describe("token estimates", () => {
  it("count one token per four characters, rounded up, plus a little per message", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abcd")).toBe(1);
    expect(estimateTokens("abcde")).toBe(2);
    expect(estimatePromptTokens([{ content: "abcd" }, { content: "abcdefgh" }])).toBe(4 + 1 + 4 + 2);
    expect(estimatePromptTokens([])).toBe(1);
  });
});
