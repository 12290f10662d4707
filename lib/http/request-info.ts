import { env } from "@/lib/env";

// Who is calling, as far as a server can tell. The production server rebuilds X-Forwarded-For from
// trusted parts only (scripts/server/client-address.cjs): the entries our TRUSTED_PROXY_HOPS reverse proxies
// appended, then the peer address. The client is the entry just before our proxies; on platforms that
// set the header themselves (Vercel), it is the last one.
export type RequestInfo = { ip: string | null; userAgent: string | null };

export function requestInfoFrom(headers: Headers): RequestInfo {
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const ip = chain.at(-1 - Math.min(env.TRUSTED_PROXY_HOPS, chain.length - 1)) ?? null;
  const userAgent = headers.get("user-agent");
  return { ip, userAgent: userAgent ? userAgent.slice(0, 512) : null };
}
