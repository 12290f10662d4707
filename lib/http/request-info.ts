import { env } from "@/lib/env";

// Who is calling, as far as a server can tell. The trust decision is made here, where the address is read,
// and fails closed:
// - With the server preload (scripts/server/client-address.cjs, loaded by scripts/start.mjs and the Docker
//   image), X-Forwarded-For was rebuilt from trusted parts only: the entries our TRUSTED_PROXY_HOPS reverse
//   proxies appended, then the peer address. The client is the entry just before our proxies.
// - Without it (standalone server.js run directly, or a platform such as Vercel), the header is whatever
//   reached Next: Next adds the peer only when the client sent no header, so with TRUSTED_PROXY_HOPS=0 the
//   header may be the client's own invention and is not used (no address: one shared per-IP budget, no IP
//   in the session list). With hops > 0 the client is the entry our outermost proxy appended (on Vercel,
//   which sets the header itself, hops = 1: the last entry).
// The preload announces itself with a process global rather than a header, which a client could send too.
export type RequestInfo = { ip: string | null; userAgent: string | null };

const REBUILT_MARK = Symbol.for("keyline.clientAddressRebuilt");

function rebuiltByPreload(): boolean {
  return (globalThis as Record<symbol, unknown>)[REBUILT_MARK] === true;
}

export function clientAddressFrom(forwardedFor: string | null, hops: number, rebuilt: boolean): string | null {
  const chain = (forwardedFor ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  if (rebuilt) return chain.at(-1 - Math.min(hops, chain.length - 1)) ?? null;
  return hops > 0 ? (chain.at(-Math.min(hops, chain.length)) ?? null) : null;
}

export function requestInfoFrom(headers: Headers): RequestInfo {
  const ip = clientAddressFrom(headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS, rebuiltByPreload());
  const userAgent = headers.get("user-agent");
  return { ip, userAgent: userAgent ? userAgent.slice(0, 512) : null };
}
