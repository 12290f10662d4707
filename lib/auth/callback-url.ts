// Open-redirect defence: only same-origin relative paths are honoured.
const PLACEHOLDER_ORIGIN = "http://keyline.invalid";

export const DEFAULT_AFTER_SIGN_IN = "/chat";

// "//evil.test" and "/\evil.test" are protocol-relative in browsers; control characters and backslashes
// hide them (browsers drop tabs and newlines, and read "\" as "/").
function isPlainLocalPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !/[\u0000-\u001f\u007f\\]/.test(path);
}

function normalise(path: string): string | null {
  try {
    const url = new URL(path, PLACEHOLDER_ORIGIN);
    return url.origin === PLACEHOLDER_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

// `origin`: also accept absolute URLs on this origin (Auth.js puts those in the magic link).
// The checks run on the input AND on the normalised result: dot segments ("/.//evil", "/a/..//evil",
// "/%2e%2e//evil") collapse into "//evil" only during normalisation, so checking the input alone let them
// through. The result must also normalise to itself, so f(f(x)) === f(x) and no caller (Next's redirect,
// Auth.js's redirect callback, a browser) can turn a returned path into another origin.
export function safeCallbackPath(value: unknown, fallback = DEFAULT_AFTER_SIGN_IN, origin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  const path = origin && value.startsWith(`${origin}/`) ? value.slice(origin.length) : value;
  if (!isPlainLocalPath(path)) return fallback;
  const result = normalise(path);
  if (result === null || !isPlainLocalPath(result) || normalise(result) !== result) return fallback;
  return result;
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
