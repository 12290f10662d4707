import { describe, expect, it } from "vitest";
import { presentedKey, refuseKeyInUrl } from "@/lib/api-keys/credentials";
import { OpenAIError } from "@/lib/openai-compat/errors";

const errorOf = (fn: () => unknown): OpenAIError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof OpenAIError) return error;
    throw error;
  }
  throw new Error("expected an error");
};

describe("where a key may come from", () => {
  it("reads Authorization: Bearer and x-api-key", () => {
    expect(presentedKey(new Headers({ authorization: "Bearer kl_live_x" }))).toBe("kl_live_x");
    expect(presentedKey(new Headers({ authorization: "bearer   kl_live_x " }))).toBe("kl_live_x");
    expect(presentedKey(new Headers({ "x-api-key": "kl_live_y" }))).toBe("kl_live_y");
    expect(presentedKey(new Headers({ authorization: "Bearer same", "x-api-key": "same" }))).toBe("same");
  });

  it("refuses a missing key, other schemes and two different keys", () => {
    expect(errorOf(() => presentedKey(new Headers({ cookie: "authjs.session-token=abc" })))).toMatchObject({ status: 401, code: "missing_api_key" });
    expect(errorOf(() => presentedKey(new Headers({ authorization: "Basic dTpw" })))).toMatchObject({ status: 401, code: "invalid_authorization_header" });
    expect(errorOf(() => presentedKey(new Headers({ authorization: "Bearer a b" })))).toMatchObject({ status: 401 });
    expect(errorOf(() => presentedKey(new Headers({ authorization: "Bearer a", "x-api-key": "b" })))).toMatchObject({ code: "conflicting_api_keys" });
  });

  it("refuses keys in the query string, by name or by look", () => {
    for (const url of ["https://x/v1/models?api_key=abc", "https://x/v1/models?KEY=", "https://x/v1/models?access_token=t", "https://x/v1/models?q=kl_live_abc"]) {
      expect(errorOf(() => refuseKeyInUrl(new URL(url))), url).toMatchObject({ status: 400, code: "api_key_in_url" });
    }
    expect(() => refuseKeyInUrl(new URL("https://x/v1/threads?cursor=abc&q=hello"))).not.toThrow();
  });
});
