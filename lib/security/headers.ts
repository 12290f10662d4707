// Edge-safe: the response headers every page and API gets (set in middleware.ts).
// __KEYLINE_DEV__ is a build-time constant (next.config.ts compiler.define): React's dev tooling needs eval.
declare const __KEYLINE_DEV__: string; // Next inserts define values as string literals
const isDev = typeof __KEYLINE_DEV__ !== "undefined" && __KEYLINE_DEV__ === "true";

export function createNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

// Scripts run only with this response's nonce ('strict-dynamic' lets Next's own chunks load);
// inline event handlers and injected <script> tags are refused. Styles stay 'unsafe-inline' because
// React style attributes need it; CSS cannot run script.
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join("; ");
}

export function securityHeaders({ nonce, https }: { nonce: string; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Not "no-referrer": browsers then send "Origin: null" on same-origin form posts, which breaks
    // server actions' origin check. Other sites still learn nothing.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  // Browsers ignore HSTS over plain http, so it is sent exactly when the request arrived over https.
  if (https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

// The developer API (/v1), which the middleware skips (middleware.ts): JSON and SSE for programs, never a
// page, so nothing in it may run, load or be framed. withApiKey and the /v1 catch-all set these.
export function apiSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  return { ...securityHeaders({ nonce: "", https }), "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };
}

// Whether a request reached us over https (directly, or as the proxy in front says).
export function arrivedOverHttps(request: Request): boolean {
  return request.url.startsWith("https:") || request.headers.get("x-forwarded-proto") === "https";
}

// Shared-link pages and their API: never indexed, and the token in the address never leaves as a Referer
// (the page has no server-action forms, so "no-referrer" costs nothing there).
export function sharedLinkHeaders(pathname: string): Record<string, string> {
  if (!pathname.startsWith("/share/") && !pathname.startsWith("/api/share/")) return {};
  return { "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" };
}
