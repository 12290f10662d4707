"use client";

import { useEffect, useState } from "react";
import { highlightCode } from "@/lib/chat/highlighter";
import { CopyButton } from "./copy-button";

// A fenced code block: plain while the reply streams, highlighted once it settles (shiki loads on demand).
export function CodeBlock({ code, language, streaming }: { code: string; language: string; streaming: boolean }) {
  const [html, setHtml] = useState<{ code: string; html: string } | null>(null);

  useEffect(() => {
    if (streaming || !language) return;
    let cancelled = false;
    highlightCode(code, language)
      .then((result) => {
        if (!cancelled && result) setHtml({ code, html: result });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [code, language, streaming]);

  return (
    <div className="code-block not-prose my-4 overflow-hidden rounded-lg border border-border bg-[var(--code-bg)]">
      <div className="flex items-center justify-between border-b border-border px-3 py-1 text-xs text-muted-foreground">
        <span className="font-mono">{language || "text"}</span>
        <CopyButton text={code} label="Copy code" />
      </div>
      {html && html.code === code ? (
        // shiki escapes the code; the markup is its own spans.
        <div className="overflow-x-auto text-[13px] leading-relaxed" dangerouslySetInnerHTML={{ __html: html.html }} />
      ) : (
        <pre className="overflow-x-auto p-4 text-[13px] leading-relaxed">
          <code>{code}</code>
        </pre>
      )}
    </div>
  );
}
