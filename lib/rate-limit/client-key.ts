import ipaddr from "ipaddr.js";

// What a per-IP limit counts. An IPv6 client counts by its /64: a host is usually given a whole /64 and can
// take a fresh address from it for every request. IPv4, also when written as IPv6 (::ffff:a.b.c.d), counts
// by address. Anything unparseable shares one bucket, so malformed addresses cannot mint budgets.
export function clientLimitKey(ip: string | null): string {
  if (!ip || !ipaddr.isValid(ip)) return "unknown";
  const address = ipaddr.process(ip);
  if (address.kind() === "ipv4") return address.toString();
  const network = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${network.join(":")}::/64`;
}
