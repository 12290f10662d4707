"use client";

import { memo, type ReactNode } from "react";
import Markdown, { type Components, type ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";
import { safeLinkHref } from "@/lib/chat/safe-url";
import { CodeBlock } from "./code-block";
import { MarkdownImage } from "./markdown-image";

type MdNode = { type: string; value?: string; children?: MdNode[] };
type HastNode = { type: string; tagName?: string; value?: string; properties?: { className?: unknown }; children?: HastNode[] };

// Raw HTML in a reply is shown as the text it is, never parsed into elements (no rehype-raw).
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

function textOf(node: HastNode | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

function languageOf(code: HastNode | undefined): string {
  const classes = code?.properties?.className;
  const list = Array.isArray(classes) ? classes : [];
  const found = list.find((name): name is string => typeof name === "string" && name.startsWith("language-"));
  return found ? found.slice("language-".length).slice(0, 40) : "";
}

function SafeLink({ href, children }: { href?: string; children?: ReactNode } & ExtraProps) {
  const safe = safeLinkHref(href);
  if (!safe) {
    return (
      <span className="text-muted-foreground underline decoration-dotted" title="Link removed: unsafe or relative address">
        {children}
      </span>
    );
  }
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow ugc" className="font-medium text-[var(--link)] underline underline-offset-2">
      {children}
    </a>
  );
}

function components(streaming: boolean): Components {
  return {
    a: SafeLink,
    img: ({ src, alt }) => <MarkdownImage src={typeof src === "string" ? src : null} alt={alt} />,
    pre: ({ node }) => {
      const code = (node as HastNode | undefined)?.children?.find((child) => child.tagName === "code");
      return <CodeBlock code={textOf(code).replace(/\n$/, "")} language={languageOf(code)} streaming={streaming} />;
    },
    table: ({ children }) => (
      <div className="my-4 overflow-x-auto">
        <table>{children}</table>
      </div>
    ),
  };
}

const streamingComponents = components(true);
const settledComponents = components(false);

export const MarkdownText = memo(function MarkdownText({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <div className="markdown" data-streaming={streaming || undefined}>
      <Markdown remarkPlugins={[remarkGfm, htmlAsText]} components={streaming ? streamingComponents : settledComponents}>
        {text}
      </Markdown>
    </div>
  );
});
