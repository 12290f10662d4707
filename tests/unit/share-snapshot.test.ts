import { describe, expect, it } from "vitest";
import { readSnapshot } from "@/lib/shares/snapshot";
import { createShareInput } from "@/lib/validations/shares";

describe("a stored snapshot read back", () => {
  it("keeps well-formed messages in the history shape", () => {
    const stored = [
      { id: "m1", role: "user", parts: [{ type: "text", text: "hi" }], status: "complete", createdAt: "2026-12-02T10:00:00.000Z" },
      { id: "m2", role: "assistant", parts: [{ type: "text", text: "" }], status: "error", error: "Model failed", createdAt: "2026-12-02T10:00:01.000Z" },
    ];
    expect(readSnapshot(stored)).toEqual(stored);
  });

  it("never turns anything into a streaming reply, an unknown role or a non-text part", () => {
    const [message] = readSnapshot([
      { id: "m1", role: "system", parts: [{ type: "image", url: "http://x" }, { type: "text", text: "ok" }], status: "streaming", createdAt: "2026-12-02T10:00:00.000Z", error: "x" },
    ]);
    expect(message).toEqual({ id: "m1", role: "user", parts: [{ type: "text", text: "ok" }], status: "complete", createdAt: "2026-12-02T10:00:00.000Z" });
  });

  it("drops what is not a message at all", () => {
    expect(readSnapshot(null)).toEqual([]);
    expect(readSnapshot({ id: "m1" })).toEqual([]);
    expect(readSnapshot([null, 3, { id: 1 }, { id: "m", createdAt: "x" }])).toEqual([]);
  });
});

describe("the create-link input", () => {
  it("defaults to 30 days, no name, no unfinished replies; null means never", () => {
    expect(createShareInput.parse({})).toEqual({ expiresInDays: 30, showOwnerName: false, includeUnfinished: false });
    expect(createShareInput.parse({ expiresInDays: null }).expiresInDays).toBeNull();
  });

  it("refuses lifetimes outside 1–365 whole days", () => {
    for (const expiresInDays of [0, 366, 1.5, "7", -1]) expect(createShareInput.safeParse({ expiresInDays }).success, String(expiresInDays)).toBe(false);
  });
});
