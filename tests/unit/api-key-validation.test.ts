import { describe, expect, it } from "vitest";
import { parseScopes, serializeScopes } from "@/lib/api-keys/constants";
import { createApiKeyInput } from "@/lib/validations/api-keys";

describe("creating a key: input", () => {
  it("trims the name, dedupes scopes and defaults to 90 days", () => {
    expect(createApiKeyInput.parse({ name: "  ci  ", scopes: ["chat:write", "chat:write"] })).toEqual({ name: "ci", scopes: ["chat:write"], expiresInDays: 90 });
  });

  it("refuses unknown scopes, no scopes, empty names and expiries beyond a year", () => {
    const fields = (input: unknown) => createApiKeyInput.safeParse(input).error?.issues.map((issue) => issue.path[0]);
    expect(fields({ name: "x", scopes: ["admin"] })).toEqual(["scopes"]);
    expect(fields({ name: "x", scopes: [] })).toEqual(["scopes"]);
    expect(fields({ name: "   ", scopes: ["models:read"] })).toEqual(["name"]);
    expect(fields({ name: "x", scopes: ["models:read"], expiresInDays: 366 })).toEqual(["expiresInDays"]);
    expect(fields({ name: "x", scopes: ["models:read"], expiresInDays: 0 })).toEqual(["expiresInDays"]);
    expect(fields({ name: "x".repeat(65), scopes: ["models:read"] })).toEqual(["name"]);
  });

  it("stores scopes as one space-separated string and reads back only known ones", () => {
    expect(serializeScopes(["threads:read", "models:read"])).toBe("models:read threads:read");
    expect(parseScopes("models:read  admin threads:read")).toEqual(["models:read", "threads:read"]);
  });
});
