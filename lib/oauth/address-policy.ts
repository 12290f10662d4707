import ipaddr from "ipaddr.js";

// Which addresses Keyline's authorization server may connect to when it fetches a client's metadata
// document. An allowlist: only ranges ipaddr.js calls global unicast; everything special (loopback,
// private, link-local, CGNAT, multicast, unspecified, reserved, IPv4-mapped IPv6, 6to4, Teredo, NAT64…)
// is refused, so a range ipaddr.js adds later is refused too. Loopback is admitted only for the test
// setting OAUTH_ALLOW_LOOPBACK_CLIENTS, and only as itself (not IPv4-mapped).
// ipaddr.js calls the rest of ::/8 "unicast", IPv4-compatible addresses (::7f00:1 is ::127.0.0.1) included,
// which some hosts still route to IPv4 (a sit tunnel): none of it is a public address.
const IPV6_RESERVED = ipaddr.parseCIDR("::/8");

export function addressAllowed(address: string, options: { allowLoopback: boolean }): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (range === "loopback") return options.allowLoopback;
  if (parsed.kind() === "ipv6" && parsed.match(IPV6_RESERVED)) return false;
  return range === "unicast";
}
