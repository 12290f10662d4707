import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/chat", "/chat"],
    ["/chat/abc?x=1#m", "/chat/abc?x=1#m"],
    ["/settings/security", "/settings/security"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.test",
    "//evil.test",
    "/\\evil.test",
    "\\\\evil.test",
    "https:evil.test",
    "javascript:alert(1)",
    "/\t/evil.test",
    "",
    "chat",
    "http://localhost:3000.evil.test/x",
  ])("replaces the off-site or malformed %j with the default", (input) => {
    expect(safeCallbackPath(input)).toBe("/chat");
  });

  it("accepts absolute URLs only on the given origin", () => {
    expect(safeCallbackPath("http://localhost:3000/chat?a=1", undefined, "http://localhost:3000")).toBe("/chat?a=1");
    expect(safeCallbackPath("http://localhost:3000//evil.test", undefined, "http://localhost:3000")).toBe("/chat");
    expect(safeCallbackPath("http://evil.test/chat", undefined, "http://localhost:3000")).toBe("/chat");
  });
});

// The review's finding: dot segments collapse into "//host" only during URL normalisation.
const HOSTILE = [
  "/.//evil.example",
  "/./\\evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/a/..//evil.example/x?y=1",
  "/a/%2e%2e//evil.example",
  "/a/b/../..//evil.example",
  "/%2e%2e/%2e%2e//evil.example",
  "///evil.example",
  "/%2f/evil.example",
  "/%5c/evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  " //evil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,x",
  "http:/\\evil.example",
];

function leavesOrigin(path: string): boolean {
  const base = "http://keyline.test";
  return path.startsWith("//") || path.startsWith("/\\") || !path.startsWith("/") || new URL(path, base).origin !== base;
}

describe("safeCallbackPath against hostile return addresses", () => {
  it.each(HOSTILE)("%j stays on the origin, as a plain path that normalises to itself", (input) => {
    for (const origin of [undefined, "http://localhost:3000"]) {
      const result = safeCallbackPath(input, undefined, origin);
      expect(leavesOrigin(result)).toBe(false);
      expect(result).not.toMatch(/^\/[\\/]|[\u0000-\u001f\u007f\\]/);
      expect(safeCallbackPath(result)).toBe(result);
      expect(new URL(safeRedirectUrl(input, "http://localhost:3000")).origin).toBe("http://localhost:3000");
    }
  });

  it("the dot-segment forms fall back to the default rather than to a collapsed path", () => {
    expect(safeCallbackPath("/.//evil.example")).toBe("/chat");
    expect(safeCallbackPath("/a/..//evil.example/x")).toBe("/chat");
    expect(safeCallbackPath("/%2e%2e//evil.example")).toBe("/chat");
    expect(safeCallbackPath("http://localhost:3000/.//evil.example", undefined, "http://localhost:3000")).toBe("/chat");
  });

  it("is idempotent and never leaves the origin, for any mix of hostile pieces", () => {
    const piece = fc.constantFrom("/", "//", "\\", ".", "..", "%2e", "%2E%2e", "%2f", "%5c", "%00", "\t", "\n", "\r", " ", "@", ":", "?", "#",
      "evil.example", "a", "javascript:", "https:", "http://evil.example", "\u3002", "\uff0f", "%252e", ";", "&");
    const input = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(input, fc.constantFrom(undefined, "http://localhost:3000"), (value, origin) => {
        const once = safeCallbackPath(value, undefined, origin);
        expect(leavesOrigin(once)).toBe(false);
        expect(safeCallbackPath(once)).toBe(once);
        expect(safeCallbackPath(once, undefined, origin)).toBe(once);
        expect(new URL(safeRedirectUrl(value, "http://localhost:3000")).origin).toBe("http://localhost:3000");
      }),
      { numRuns: 5000 },
    );
  });
});

describe("safeRedirectUrl (Auth.js redirect callback)", () => {
  const base = "http://localhost:3000";
  it("resolves relative paths against the base", () => {
    expect(safeRedirectUrl("/chat/1", base)).toBe("http://localhost:3000/chat/1");
  });
  it("keeps same-origin absolute URLs", () => {
    expect(safeRedirectUrl("http://localhost:3000/settings", base)).toBe("http://localhost:3000/settings");
  });
  it.each(["https://evil.test/x", "//evil.test", "http://localhost:3000.evil.test/"])("never leaves the origin for %s", (url) => {
    expect(new URL(safeRedirectUrl(url, base)).origin).toBe(base);
  });
});
