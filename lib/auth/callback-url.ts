// Open-redirect defence: only same-origin relative paths are honoured.
const PLACEHOLDER_ORIGIN = "http://keyline.invalid";

export const DEFAULT_AFTER_SIGN_IN = "/chat";

// `origin`: also accept absolute URLs on this origin (Auth.js puts those in the magic link).
export function safeCallbackPath(value: unknown, fallback = DEFAULT_AFTER_SIGN_IN, origin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  const path = origin && value.startsWith(`${origin}/`) ? value.slice(origin.length) : value;
  // "//evil.test" and "/\evil.test" are protocol-relative in browsers; control characters hide them.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return fallback;
  try {
    const url = new URL(path, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

// For Auth.js's redirect callback, which passes absolute URLs too.
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (url.startsWith("/")) return new URL(safeCallbackPath(url), base).toString();
  try {
    const target = new URL(url);
    if (target.origin === base.origin) {
      return new URL(safeCallbackPath(`${target.pathname}${target.search}${target.hash}`), base).toString();
    }
  } catch {
    // fall through to the default
  }
  return new URL(DEFAULT_AFTER_SIGN_IN, base).toString();
}
