import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as Limiter from "@/lib/rate-limit/limiter";

// Which requests to the authorization server cost a per-IP budget: the writes anyone may make without an
// account (registering a client, asking for a device code), and nothing else. The limiter itself, and what
// a refusal looks like, are the e2e limit specs' business; here, only which budget each request spends.
const consumed: string[] = [];
let allowed = true;
vi.mock("@/lib/rate-limit/limiter", async (original) => ({
  ...(await original<typeof Limiter>()),
  consumeIpRateLimit: vi.fn(async (name: string) => {
    consumed.push(name);
    return { allowed, limit: 2, remaining: allowed ? 1 : 0, resetSeconds: 60, windowSeconds: 900 };
  }),
}));
vi.mock("@/lib/oauth/provider", () => ({ OAUTH_BASE: "/api/oauth", oauthProvider: async () => ({ callback: () => () => undefined }) }));
vi.mock("@/lib/oauth/node-bridge", () => ({ runNodeHandler: async () => new Response("{}", { status: 200 }) }));

const { oauthEndpoint } = await import("@/lib/oauth/endpoint");
const handler = oauthEndpoint();
const call = (method: string, path: string) => handler(new Request(`http://localhost:3000${path}`, { method, body: method === "POST" ? "x=1" : undefined }), {});

describe("the authorization server's per-IP budgets", () => {
  beforeEach(() => {
    consumed.length = 0;
    allowed = true;
  });

  it("spends the registration budget on a registration and the device budget on a device code, nothing on the rest", async () => {
    await call("POST", "/api/oauth/register");
    await call("POST", "/api/oauth/device/auth");
    await call("POST", "/api/oauth/token");
    await call("GET", "/api/oauth/device/auth");
    await call("GET", "/.well-known/oauth-authorization-server");
    expect(consumed).toEqual(["oauth_registration_ip", "oauth_device_ip"]);
  });

  it("refuses a device code once the address's budget is spent, before the provider stores anything", async () => {
    allowed = false;
    const refused = await call("POST", "/api/oauth/device/auth");
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Too many sign-in codes");
  });
});
