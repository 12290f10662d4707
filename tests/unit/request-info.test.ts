import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function ipFor(forwardedFor: string, hops?: string) {
  if (hops) vi.stubEnv("TRUSTED_PROXY_HOPS", hops);
  const { requestInfoFrom } = await import("@/lib/http/request-info");
  return requestInfoFrom(new Headers({ "x-forwarded-for": forwardedFor })).ip;
}

describe("client address", () => {
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
