import { describe, expect, it } from "vitest";
import { sharedLinkHeaders } from "@/lib/security/headers";

describe("shared-link headers", () => {
  it("keep shared pages and their API out of search engines and referrers", () => {
    for (const path of ["/share/abc", "/api/share/abc", "/api/share/abc/copy"]) {
      expect(sharedLinkHeaders(path), path).toEqual({ "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" });
    }
  });

  it("leave every other path to the usual headers", () => {
    for (const path of ["/chat", "/api/shares", "/sharex", "/settings/shares"]) expect(sharedLinkHeaders(path), path).toEqual({});
  });
});
