import { describe, expect, it } from "vitest";
import { hostOf, safeImageSrc, safeLinkHref } from "@/lib/chat/safe-url";
import { titleFromText } from "@/lib/chat/title";
import { apiErrorOf } from "@/lib/chat/ui-messages";
import { uuidv4 } from "@/lib/chat/uuid";
import { chatRequest, MAX_MESSAGE_CHARS, messageProblem, messageText } from "@/lib/validations/chat";
import { threadTitleInput } from "@/lib/validations/threads";

describe("links and images in replies", () => {
  it("keeps web and mail links only", () => {
    expect(safeLinkHref("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeLinkHref("mailto:someone@example.com")).toBe("mailto:someone@example.com");
    for (const bad of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "\u0001javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "/chat/other-thread",
      "//evil.example/x",
      "",
      null,
      undefined,
    ]) {
      expect(safeLinkHref(bad), String(bad)).toBeNull();
    }
  });

  it("offers only http(s) images, never data or mail addresses", () => {
    expect(safeImageSrc("http://127.0.0.1:9/leak")).toBe("http://127.0.0.1:9/leak");
    expect(safeImageSrc("data:image/png;base64,AAAA")).toBeNull();
    expect(safeImageSrc("mailto:a@b.c")).toBeNull();
    expect(hostOf("https://img.example.com:8443/a.png")).toBe("img.example.com:8443");
  });
});

describe("titles from the first message", () => {
  it("takes the first line with text, without Markdown markers", () => {
    expect(titleFromText("\n\n## How do *passkeys* work?\nmore")).toBe("How do passkeys work?");
    expect(titleFromText("- `npm ci` fails")).toBe("npm ci fails");
    expect(titleFromText("   \n  ")).toBe("New chat");
  });

  it("cuts long lines at a word boundary", () => {
    const title = titleFromText("word ".repeat(40));
    expect(title.length).toBeLessThanOrEqual(61);
    expect(title.endsWith("word…")).toBe(true);
  });
});

describe("message limits", () => {
  it("refuses empty and over-long messages with readable reasons", () => {
    expect(messageProblem(" \n\t")?.code).toBe("empty_message");
    expect(messageProblem("x".repeat(MAX_MESSAGE_CHARS))).toBeNull();
    expect(messageProblem("x".repeat(MAX_MESSAGE_CHARS + 1))).toEqual({
      code: "message_too_long",
      message: "Messages can be at most 32,000 characters; this one has 32,001.",
    });
  });

  it("accepts the send-only-the-last-message body and nothing looser", () => {
    const body = { id: uuidv4(), message: { id: uuidv4(), role: "user", parts: [{ type: "text", text: "hi" }] } };
    expect(chatRequest.parse(body).message.parts).toEqual([{ type: "text", text: "hi" }]);
    expect(chatRequest.safeParse({ ...body, id: "../../etc" }).success).toBe(false);
    expect(chatRequest.safeParse({ ...body, message: { ...body.message, role: "assistant" } }).success).toBe(false);
    expect(chatRequest.safeParse({ ...body, message: { ...body.message, role: "system" } }).success).toBe(false);
    expect(chatRequest.safeParse({ ...body, message: { ...body.message, id: "a b" } }).success).toBe(false);
    expect(chatRequest.safeParse({ ...body, message: { ...body.message, parts: [{ type: "file", url: "x" }] } }).success).toBe(false);
    expect(messageText([{ type: "text", text: "a" }, { type: "text", text: "b" }])).toBe("a\nb");
  });

  it("makes RFC 4122 version 4 ids", () => {
    const ids = new Set(Array.from({ length: 100 }, uuidv4));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("validates titles", () => {
    expect(threadTitleInput.parse({ title: "  Garden  " }).title).toBe("Garden");
    expect(threadTitleInput.safeParse({ title: "  " }).success).toBe(false);
    expect(threadTitleInput.safeParse({ title: "x".repeat(101) }).success).toBe(false);
  });

  it("tells a refused request (JSON error body) from a stream error (plain text)", () => {
    expect(apiErrorOf(JSON.stringify({ error: { code: "rate_limited:too_many_requests", message: "Slow down" } }))).toEqual({
      code: "rate_limited:too_many_requests",
      message: "Slow down",
    });
    expect(apiErrorOf("The model stopped responding")).toBeNull();
  });
});
