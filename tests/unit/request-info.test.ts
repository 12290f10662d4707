import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddressFrom } from "@/lib/http/request-info";

const MARK = Symbol.for("keyline.clientAddressRebuilt");

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[MARK];
});

async function ipFor(forwardedFor: string, hops?: string, preload = true) {
  if (hops) vi.stubEnv("TRUSTED_PROXY_HOPS", hops);
  if (preload) (globalThis as Record<symbol, unknown>)[MARK] = true;
  const { requestInfoFrom } = await import("@/lib/http/request-info");
  return requestInfoFrom(new Headers({ "x-forwarded-for": forwardedFor })).ip;
}

describe("client address with the server preload", () => {
  // The production server rebuilds the header as <entries of trusted proxies>, <peer>.
  it("is the peer when clients connect directly", async () => {
    expect(await ipFor("203.0.113.9")).toBe("203.0.113.9");
  });
  it("is the entry our proxy appended when one proxy stands in front", async () => {
    expect(await ipFor("198.51.100.7, 10.0.0.2", "1")).toBe("198.51.100.7");
  });
  it("never reads past the start of the chain", async () => {
    expect(await ipFor("10.0.0.2", "2")).toBe("10.0.0.2");
  });
});

describe("client address without the preload (fails closed)", () => {
  it("ignores a client's X-Forwarded-For when no proxy is trusted", async () => {
    expect(await ipFor("203.0.113.66", undefined, false)).toBeNull();
    expect(await ipFor("10.0.0.1, 203.0.113.66", undefined, false)).toBeNull();
  });
  it("takes the entry the outermost trusted proxy appended", () => {
    expect(clientAddressFrom("6.6.6.6, 198.51.100.7", 1, false)).toBe("198.51.100.7");
    expect(clientAddressFrom("6.6.6.6, 198.51.100.7, 10.0.0.2", 2, false)).toBe("198.51.100.7");
    expect(clientAddressFrom("10.0.0.2", 2, false)).toBe("10.0.0.2");
    expect(clientAddressFrom(null, 1, false)).toBeNull();
  });
});
