import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SETTING_NAMES } from "@/lib/env";

const documented = (file: string) =>
  new Set(
    [...fs.readFileSync(path.join(__dirname, "../..", file), "utf8").matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((match) => match[1]!),
  );

describe("docs/configuration.md", () => {
  it("documents every setting lib/env.ts reads, and no other", () => {
    const doc = documented("docs/configuration.md");
    expect([...doc].sort()).toEqual([...SETTING_NAMES].sort());
  });
});
