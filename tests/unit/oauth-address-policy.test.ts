import { describe, expect, it } from "vitest";
import { addressAllowed } from "@/lib/oauth/address-policy";

const off = { allowLoopback: false };
const on = { allowLoopback: true };

describe("addresses a client metadata document may be fetched from", () => {
  it("admits public unicast addresses", () => {
    for (const address of ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:82b::200e"]) expect(addressAllowed(address, off), address).toBe(true);
  });

  it("refuses every special-use range", () => {
    const refused = [
      "127.0.0.1", "127.8.9.10", "::1", // loopback
      "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", // private
      "169.254.169.254", "fe80::1", // link-local (cloud metadata lives here)
      "100.64.0.1", "100.127.255.254", // CGNAT
      "0.0.0.0", "::", // unspecified
      "224.0.0.1", "239.255.255.250", "ff02::1", // multicast
      "255.255.255.255", "240.0.0.1", "192.0.2.1", "198.18.0.1", "2001:db8::1", // broadcast, reserved, documentation, benchmarking
      "fc00::1", "fd12:3456::1", // unique local
      "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:93.184.216.34", // IPv4-mapped
      "::7f00:1", "::a00:1", "::5db8:d822", "::127.0.0.1", // IPv4-compatible (::/96) and the rest of ::/8
      "64:ff9b::7f00:1", "2002:7f00:1::", "2001::1", // NAT64, 6to4, Teredo (can carry private IPv4)
      "not-an-address", "",
    ];
    for (const address of refused) expect(addressAllowed(address, off), address).toBe(false);
  });

  it("admits loopback only when the test setting is on, and only as itself", () => {
    expect(addressAllowed("127.0.0.1", on)).toBe(true);
    expect(addressAllowed("::1", on)).toBe(true);
    expect(addressAllowed("::ffff:127.0.0.1", on)).toBe(false);
    expect(addressAllowed("10.0.0.1", on)).toBe(false);
    expect(addressAllowed("169.254.169.254", on)).toBe(false);
  });
});
