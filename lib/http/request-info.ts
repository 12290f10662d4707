// Who is calling, as far as a server can tell. Next puts the peer address in X-Forwarded-For;
// behind a reverse proxy, the proxy's own entry is the last one, so the last entry is the one
// nobody outside can forge.
export type RequestInfo = { ip: string | null; userAgent: string | null };

export function requestInfoFrom(headers: Headers): RequestInfo {
  const forwarded = headers.get("x-forwarded-for");
  const ip = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1) ?? headers.get("x-real-ip");
  const userAgent = headers.get("user-agent");
  return { ip: ip ?? null, userAgent: userAgent ? userAgent.slice(0, 512) : null };
}
