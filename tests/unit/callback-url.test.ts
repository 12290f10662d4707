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
