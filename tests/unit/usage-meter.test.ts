import { describe, expect, it } from "vitest";
import { createUsageMeter } from "@/lib/api-keys/usage-meter";

describe("usage meter", () => {
  it("counts what the provider reported, whatever was sent", async () => {
    const meter = createUsageMeter();
    meter.addOutputText("x".repeat(400));
    meter.addTokens({ inputTokens: 7, outputTokens: 3 });
    expect(await meter.settled()).toEqual({ inputTokens: 7, outputTokens: 3, reported: true });
  });

  it("estimates a reply the provider never reported from the text sent (a client that stopped reading early is not free)", async () => {
    const meter = createUsageMeter();
    let finish!: () => void;
    meter.waitFor(new Promise<void>((resolve) => (finish = resolve)));
    meter.addOutputText("Hello, ");
    meter.addOutputText("world and more text here");
    finish();
    expect(await meter.settled()).toEqual({ inputTokens: 0, outputTokens: 8, reported: false });
  });
});
