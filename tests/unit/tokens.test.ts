import { describe, expect, it } from "vitest";
import { generateToken, sha256Hex } from "@/lib/auth/tokens";

describe("bearer tokens", () => {
  it("carry 256 bits of randomness and never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("are stored as a SHA-256 digest", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
