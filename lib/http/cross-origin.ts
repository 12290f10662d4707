// Cross-site write protection for our cookie-authenticated handlers, the rule of Go's
// http.CrossOriginProtection: browsers send Sec-Fetch-Site (or at least Origin) on every write;
// a request with neither comes from a non-browser client and carries no ambient credentials.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossOriginWrite(request: Request, allowedOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (origin !== null) return origin !== allowedOrigin;
  return false;
}
