"use client";

import { CircleAlert, RefreshCw } from "lucide-react";
import { memo } from "react";
import type { MessageStatus } from "@/lib/validations/chat";
import { CopyButton } from "./copy-button";
import { MarkdownText } from "./markdown";

type Props = {
  id: string;
  role: "user" | "assistant" | "system";
  text: string;
  status: MessageStatus;
  error?: string;
  onRegenerate?: () => void;
};

const actionClass =
  "inline-flex h-7 items-center gap-1 rounded-md px-1.5 text-xs text-muted-foreground transition-colors hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

export const MessageItem = memo(function MessageItem({ id, role, text, status, error, onRegenerate }: Props) {
  if (role === "user") {
    return (
      <article aria-label="Your message" data-message-id={id} data-status={status} className="group flex items-start justify-end gap-1">
        <CopyButton text={text} label="Copy message" className="mt-2 opacity-0 transition-opacity focus-visible:opacity-100 group-hover:opacity-100" />
        <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-[var(--bubble)] px-4 py-2.5 text-[15px] leading-relaxed">
          {text}
        </div>
      </article>
    );
  }

  const streaming = status === "streaming";
  return (
    <article aria-label="Assistant message" aria-busy={streaming || undefined} data-message-id={id} data-status={status} className="group flex gap-3">
      <div aria-hidden className="mt-0.5 hidden size-7 shrink-0 items-center justify-center rounded-full border border-border bg-card text-foreground sm:flex">
        <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8" cy="12" r="4" />
          <path d="M12 12h9M18 12v3M21 12v2" strokeLinecap="round" />
        </svg>
      </div>
      <div className="min-w-0 flex-1 pt-0.5">
        {text ? <MarkdownText text={text} streaming={streaming} /> : streaming ? <TypingDots /> : null}
        {status === "interrupted" && (
          <p className="mt-2 inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs text-muted-foreground">
            Stopped{text ? "" : " before any reply"}
          </p>
        )}
        {status === "error" && (
          <p role="alert" className="mt-2 flex items-start gap-2 rounded-lg border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
            <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>{error || "The reply failed. Regenerate it to try again."}</span>
          </p>
        )}
        {!streaming && (
          <div className="mt-1 flex gap-0.5 opacity-0 transition-opacity focus-within:opacity-100 group-last:opacity-100 group-hover:opacity-100">
            {text && <CopyButton text={text} label="Copy message" />}
            {onRegenerate && (
              <button type="button" onClick={onRegenerate} aria-label="Regenerate reply" title="Regenerate reply" className={actionClass}>
                <RefreshCw aria-hidden className="size-3.5" />
              </button>
            )}
          </div>
        )}
      </div>
    </article>
  );
});

export function TypingDots() {
  return (
    <span role="status" aria-label="Waiting for the reply" className="typing-dots inline-flex h-6 items-center gap-1">
      <span />
      <span />
      <span />
    </span>
  );
}
