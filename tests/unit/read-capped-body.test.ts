import { describe, expect, it } from "vitest";
import { BodyTooLargeError, isJsonContentType, readCappedText } from "@/lib/http/read-capped-body";

function streamed(parts: string[], headers: Record<string, string> = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
  return new Request("http://x.test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("capped request bodies", () => {
  it("reads a body within the cap", async () => {
    expect(await readCappedText(streamed(['{"a":', "1}"]), 100)).toBe('{"a":1}');
  });
  it("refuses a declared length over the cap before reading", async () => {
    await expect(readCappedText(streamed(["{}"], { "content-length": "5000" }), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
  it("counts the bytes when the length is missing or lies", async () => {
    const big = Array.from({ length: 20 }, () => "x".repeat(10));
    await expect(readCappedText(streamed(big), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(readCappedText(streamed(big, { "content-length": "10" }), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
  it("accepts JSON content types only", () => {
    expect(isJsonContentType(new Headers({ "content-type": "application/json; charset=utf-8" }))).toBe(true);
    expect(isJsonContentType(new Headers({ "content-type": "application/json-patch+json" }))).toBe(false);
    expect(isJsonContentType(new Headers({ "content-type": "text/plain" }))).toBe(false);
    expect(isJsonContentType(new Headers())).toBe(false);
  });
});
