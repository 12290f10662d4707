import { describe, expect, it } from "vitest";
import { listUsersWithUsage } from "@/lib/budgets/admin-list";
import { decodeCursor, encodeCursor, keysetCursor, sortKeys } from "@/lib/pagination/cursor";

// The same codec as the admin list's ?sort=usage (most tokens first).
const usage = keysetCursor("tokens", "u", sortKeys.count);
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const refused = { status: 400, code: "bad_request:cursor" };

describe("keyset cursors", () => {
  it("round-trip a time cursor and a count cursor", () => {
    const at = new Date("2026-12-02T10:00:00.123Z");
    expect(decodeCursor(encodeCursor({ createdAt: at, id: "row-1" }))).toEqual({ createdAt: at, id: "row-1" });
    expect(usage.decode(usage.encode({ tokens: 12345, id: "user-1" }))).toEqual({ tokens: 12345, id: "user-1" });
    expect(usage.decode(usage.encode({ tokens: 0, id: "user-2" }))).toEqual({ tokens: 0, id: "user-2" });
  });

  it("treat a missing cursor as the first page", () => {
    for (const value of [undefined, null, ""]) {
      expect(decodeCursor(value)).toBeNull();
      expect(usage.decode(value)).toBeNull();
    }
  });

  it("refuse garbled cursors with 400 bad_request:cursor", () => {
    for (const value of ["bad", "not-a-cursor", "x", "%%%", raw("text"), Buffer.from("{not json").toString("base64url")]) {
      expect(() => decodeCursor(value)).toThrow(expect.objectContaining(refused));
      expect(() => usage.decode(value)).toThrow(expect.objectContaining(refused));
    }
  });

  it("refuse tampered time cursors", () => {
    for (const value of [
      { t: "1700000000000", id: "a" },
      { t: 1.5, id: "a" },
      { t: 8.64e15 + 1, id: "a" },
      { t: 1700000000000 },
      { t: 1700000000000, id: "" },
      { t: 1700000000000, id: "a".repeat(101) },
      { t: 1700000000000, id: 42 },
      [1700000000000, "a"],
      null,
    ]) {
      expect(() => decodeCursor(raw(value))).toThrow(expect.objectContaining(refused));
    }
  });

  it("refuse tampered usage cursors", () => {
    for (const value of [{ u: -1, id: "a" }, { u: 2.5, id: "a" }, { u: "100", id: "a" }, { u: 100 }, { u: 100, id: "" }, { u: 100, id: "a".repeat(101) }]) {
      expect(() => usage.decode(raw(value))).toThrow(expect.objectContaining(refused));
    }
    // JSON's 1e400 parses as Infinity.
    expect(() => usage.decode(Buffer.from('{"u":1e400,"id":"a"}').toString("base64url"))).toThrow(expect.objectContaining(refused));
  });

  it("refuse a cursor of one order given to another", () => {
    const byTime = encodeCursor({ createdAt: new Date(1_700_000_000_000), id: "a" });
    const byUsage = usage.encode({ tokens: 10, id: "a" });
    expect(() => usage.decode(byTime)).toThrow(expect.objectContaining(refused));
    expect(() => decodeCursor(byUsage)).toThrow(expect.objectContaining(refused));
  });

  it("the admin list's usage order refuses a bad cursor before it queries", async () => {
    await expect(listUsersWithUsage({ sort: "usage", cursor: "bad" })).rejects.toMatchObject(refused);
    await expect(listUsersWithUsage({ sort: "usage", cursor: encodeCursor({ createdAt: new Date(), id: "a" }) })).rejects.toMatchObject(refused);
  });
});
