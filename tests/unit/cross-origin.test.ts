import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "@/lib/http/cross-origin";

const ours = "http://localhost:3000";
const request = (method: string, headers: Record<string, string>) => new Request(`${ours}/api/threads/x`, { method, headers });

describe("cross-origin write protection", () => {
  it("refuses cross-site writes by Sec-Fetch-Site", () => {
    expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "cross-site" }), ours)).toBe(true);
    expect(isCrossOriginWrite(request("DELETE", { "sec-fetch-site": "same-site" }), ours)).toBe(true);
  });
  it("allows same-origin and user-initiated writes", () => {
    expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "same-origin" }), ours)).toBe(false);
    expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "none" }), ours)).toBe(false);
  });
  it("falls back to Origin when Sec-Fetch-Site is missing", () => {
    expect(isCrossOriginWrite(request("PATCH", { origin: "https://evil.test" }), ours)).toBe(true);
    expect(isCrossOriginWrite(request("PATCH", { origin: ours }), ours)).toBe(false);
  });
  it("allows non-browser clients that send neither header", () => {
    expect(isCrossOriginWrite(request("POST", {}), ours)).toBe(false);
  });
  it("never blocks safe methods", () => {
    expect(isCrossOriginWrite(request("GET", { "sec-fetch-site": "cross-site" }), ours)).toBe(false);
  });
});
