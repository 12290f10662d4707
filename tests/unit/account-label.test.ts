import { describe, expect, it } from "vitest";
import { accountLabel } from "@/lib/auth/account-label";

describe("accountLabel", () => {
  it("names the person by email, else by the provider's name, never blank", () => {
    expect(accountLabel({ email: "ada@example.test", name: "Ada" })).toBe("ada@example.test");
    expect(accountLabel({ email: null, name: "Ada Lovelace" })).toBe("Ada Lovelace");
    expect(accountLabel({ email: null, name: "   " })).toBe("Your account");
    expect(accountLabel({ email: null, name: null })).toBe("Your account");
  });
});
