import { describe, expect, it } from "vitest";
import { clientLimitKey } from "@/lib/rate-limit/client-key";

describe("per-IP limit keys", () => {
  it("count every address of one IPv6 /64 together, however it is written", () => {
    const key = clientLimitKey("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    for (const same of ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:0db8:0001:0002:0:0:0:abcd", "2001:DB8:1:2::9"]) expect(clientLimitKey(same)).toBe(key);
    expect(clientLimitKey("2001:db8:1:3::1")).not.toBe(key);
  });

  it("count IPv4 by address, also when written as IPv6", () => {
    expect(clientLimitKey("192.0.2.1")).toBe("192.0.2.1");
    expect(clientLimitKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(clientLimitKey("192.0.2.2")).not.toBe(clientLimitKey("192.0.2.1"));
  });

  it("put missing and malformed addresses in one bucket, so junk cannot mint budgets", () => {
    for (const junk of [null, "", "unknown", "not-an-ip", "1.2.3.4.5", "::g"]) expect(clientLimitKey(junk)).toBe("unknown");
  });
});
