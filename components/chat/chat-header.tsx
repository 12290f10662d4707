"use client";

import { Menu, SquarePen } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useThreadList } from "./thread-list-provider";

export function ChatHeader({ sidebarOpen, onOpenSidebar, onNewChat }: { sidebarOpen: boolean; onOpenSidebar: () => void; onNewChat: () => void }) {
  const pathname = usePathname();
  const { titleOf } = useThreadList();
  const threadId = pathname.startsWith("/chat/") ? pathname.slice("/chat/".length) : null;
  const title = threadId ? (titleOf(threadId) ?? "") : "New chat";

  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-border/70 px-2 md:px-5">
      <button
        type="button"
        onClick={onOpenSidebar}
        aria-label="Open sidebar"
        aria-controls="chat-sidebar"
        aria-expanded={sidebarOpen}
        className="inline-flex size-9 items-center justify-center rounded-lg text-muted-foreground hover:bg-muted hover:text-foreground md:hidden"
      >
        <Menu aria-hidden className="size-5" />
      </button>
      <h1 className="min-w-0 flex-1 truncate text-sm font-medium" data-testid="thread-title">
        {title}
      </h1>
      <Link
        href="/chat"
        onClick={onNewChat}
        aria-label="Start a new chat"
        className="inline-flex size-9 items-center justify-center rounded-lg text-muted-foreground hover:bg-muted hover:text-foreground md:hidden"
      >
        <SquarePen aria-hidden className="size-[18px]" />
      </Link>
    </header>
  );
}
