import { describe, expect, it } from "vitest";
import { base62, displayParts, generateApiKey, hashApiKey, isWellFormedApiKey, KEY_LENGTH, looksLikeApiKey } from "@/lib/api-keys/format";

describe("API key format", () => {
  it("is kl_live_, 33 base62 characters (192 random bits), _ and a 6-character checksum", () => {
    const { key, prefix, lastFour } = generateApiKey();
    expect(key).toMatch(/^kl_live_[0-9A-Za-z]{33}_[0-9A-Za-z]{6}$/);
    expect(key).toHaveLength(KEY_LENGTH);
    expect(prefix).toBe(key.slice(0, 12));
    expect(lastFour).toBe(key.slice(-4));
    expect(displayParts(key)).toEqual({ prefix, lastFour });
    expect(isWellFormedApiKey(key)).toBe(true);
    // At least 128 bits: 33 base62 digits hold log2(62^33) ≈ 196 bits; the generator fills 192.
    expect(33 * Math.log2(62)).toBeGreaterThan(192);
  });

  it("never repeats and uses the whole alphabet", () => {
    const keys = Array.from({ length: 2000 }, () => generateApiKey().key);
    expect(new Set(keys).size).toBe(keys.length);
    const chars = new Set(keys.flatMap((key) => [...key.slice(8, 41)]));
    expect(chars.size).toBe(62);
  });

  it("refuses any single changed character through the checksum, before any lookup", () => {
    const { key } = generateApiKey();
    for (let i = 8; i < key.length; i++) {
      if (key[i] === "_") continue;
      const swapped = key.slice(0, i) + (key[i] === "a" ? "b" : "a") + key.slice(i + 1);
      expect(isWellFormedApiKey(swapped), `position ${i}`).toBe(false);
    }
  });

  it("refuses other shapes", () => {
    const { key } = generateApiKey();
    for (const bad of ["", "sk-abc", key.toUpperCase(), `${key}x`, key.slice(1), key.replace("kl_live_", "kl_test_"), `${key.slice(0, -7)}-${key.slice(-6)}`, "x".repeat(10_000)]) {
      expect(isWellFormedApiKey(bad), bad.slice(0, 20)).toBe(false);
    }
  });

  it("hashes with SHA-256 (hex)", () => {
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("encodes base62 with fixed width", () => {
    expect(base62(0n, 3)).toBe("000");
    expect(base62(61n, 2)).toBe("0z");
    expect(base62(62n, 2)).toBe("10");
    expect(base62(2n ** 32n - 1n, 6)).toBe("4gfFC3");
  });

  it("spots things that look like keys", () => {
    expect(looksLikeApiKey("kl_live_whatever")).toBe(true);
    expect(looksLikeApiKey(" kl_anything")).toBe(true);
    expect(looksLikeApiKey("cursor123")).toBe(false);
  });
});
