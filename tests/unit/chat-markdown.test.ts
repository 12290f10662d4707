import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "@/components/chat/markdown";

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownText, { text, streaming: false }));

describe("reply Markdown", () => {
  it("shows raw HTML as text and never as elements", () => {
    const html = render(`<img src=x onerror="alert(1)">\n\n<script>alert(2)</script>\n\nInline <b onclick="x()">bold</b> and <iframe src="https://evil.example"></iframe>`);
    expect(html).not.toMatch(/<(img|script|b|iframe)[\s>]/i);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });

  it("neutralises javascript: and relative links and keeps web links", () => {
    const html = render("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](/settings/api-keys) [d](https://example.com) <javascript:alert(1)>");
    expect(html).not.toMatch(/href="(?!https:\/\/example\.com)/);
    expect(html).toContain('href="https://example.com/"');
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
  });

  it("does not load images: it links to them", () => {
    const html = render("![chat history](http://127.0.0.1:9/leak?q=secret) ![x](data:image/png;base64,AAAA)");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="http://127.0.0.1:9/leak?q=secret" target="_blank" rel="noopener noreferrer nofollow ugc"');
    expect(html).toContain("image removed");
  });

  it("renders GFM tables, task lists and fenced code with a copy button", () => {
    const html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n```ts\nconst x = 1;\n```");
    expect(html).toContain("<table>");
    expect(html).toContain('type="checkbox"');
    expect(html).toContain("const x = 1;");
    expect(html).toContain('aria-label="Copy code"');
  });
});
