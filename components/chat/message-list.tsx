"use client";

import { ArrowDown } from "lucide-react";
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from "react";

export type MessageListHandle = { scrollToBottom: () => void };

type Props = {
  children: ReactNode;
  firstMessageId: string | undefined;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  onLoadOlder: () => void;
  handle: Ref<MessageListHandle>;
};

const NEAR_BOTTOM_PX = 96;

// The scrolling thread: follows new text while the reader is at the bottom, loads older pages when the
// top comes into view, and keeps the reader's place when a page is put above.
export function MessageList({ children, firstMessageId, hasOlder, loadingOlder, olderError, onLoadOlder, handle }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const topSentinel = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const anchor = useRef<{ height: number; top: number; firstId: string | undefined } | null>(null);
  const [showJump, setShowJump] = useState(false);

  const scrollToBottom = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    pinned.current = true;
    element.scrollTop = element.scrollHeight;
    setShowJump(false);
  }, []);
  useImperativeHandle(handle, () => ({ scrollToBottom }), [scrollToBottom]);

  useLayoutEffect(() => scrollToBottom(), [scrollToBottom]);

  useEffect(() => {
    const element = content.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (pinned.current && scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // An older page was put above: keep the same message under the reader's eyes.
  useLayoutEffect(() => {
    const saved = anchor.current;
    const element = scroller.current;
    if (!saved || !element || saved.firstId === firstMessageId) return;
    element.scrollTop = saved.top + (element.scrollHeight - saved.height);
    anchor.current = null;
  }, [firstMessageId]);

  const requestOlder = useCallback(() => {
    const element = scroller.current;
    if (!element || !hasOlder || loadingOlder) return;
    anchor.current = { height: element.scrollHeight, top: element.scrollTop, firstId: firstMessageId };
    onLoadOlder();
  }, [hasOlder, loadingOlder, firstMessageId, onLoadOlder]);

  useEffect(() => {
    const sentinel = topSentinel.current;
    if (!sentinel || !hasOlder) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && requestOlder(), {
      root: scroller.current,
      rootMargin: "300px 0px 0px 0px",
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasOlder, requestOlder]);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    pinned.current = distance < NEAR_BOTTOM_PX;
    setShowJump(distance > NEAR_BOTTOM_PX * 3);
  }

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scroller} onScroll={onScroll} className="h-full overflow-y-auto overscroll-contain" data-testid="message-scroller">
        <div ref={content} className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 pt-6 pb-10">
          <div ref={topSentinel} aria-hidden className="h-px" />
          {hasOlder && (
            <div className="flex justify-center">
              <button
                type="button"
                onClick={requestOlder}
                disabled={loadingOlder}
                className="rounded-full border border-border px-3 py-1 text-xs text-muted-foreground hover:bg-muted disabled:opacity-60"
              >
                {loadingOlder ? "Loading earlier messages…" : "Load earlier messages"}
              </button>
            </div>
          )}
          {olderError && (
            <p role="alert" className="text-center text-xs text-destructive">
              {olderError}
            </p>
          )}
          {children}
        </div>
      </div>
      {showJump && (
        <button
          type="button"
          onClick={scrollToBottom}
          aria-label="Scroll to latest message"
          className="absolute bottom-3 left-1/2 inline-flex size-9 -translate-x-1/2 items-center justify-center rounded-full border border-border bg-card shadow-md hover:bg-muted"
        >
          <ArrowDown aria-hidden className="size-4" />
        </button>
      )}
    </div>
  );
}
