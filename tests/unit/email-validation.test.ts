import { describe, expect, it } from "vitest";
import { emailAddress } from "@/lib/validations/auth";

describe("email addresses for magic links", () => {
  it("accepts and lower-cases a plain address", () => {
    expect(emailAddress.parse("  Ada@Example.COM ")).toBe("ada@example.com");
  });

  it.each([
    "a@x.test,b@y.test",
    '"a@evil.test"@victim.test',
    "a＠victim.test",
    "victim@victim.test\r\nBcc: attacker@evil.test",
    "victim@victim.test\n",
    "a b@victim.test",
    "no-at-sign",
    "",
    `${"a".repeat(250)}@x.test`,
    "a@b@c.test",
    "<a@x.test>",
  ])("refuses %j", (value) => {
    expect(emailAddress.safeParse(value).success).toBe(false);
  });
});
