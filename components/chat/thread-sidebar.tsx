"use client";

import type { FormAction } from "@/lib/http/action-result";
import { Search, SquarePen, X } from "lucide-react";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { cn } from "@/lib/cn";
import { ThreadList } from "./thread-list";
import { useThreadList } from "./thread-list-provider";

type Props = { accountLabel: string; signOut: FormAction; open: boolean; onClose: () => void; onNewChat: () => void };

export function ThreadSidebar({ accountLabel, signOut, open, onClose, onNewChat }: Props) {
  const { query, setQuery } = useThreadList();
  return (
    <>
      <div
        aria-hidden
        onClick={onClose}
        className={cn("fixed inset-0 z-30 bg-black/40 transition-opacity md:hidden", open ? "opacity-100" : "pointer-events-none opacity-0")}
      />
      <aside
        id="chat-sidebar"
        aria-label="Chats"
        className={cn(
          "fixed inset-y-0 left-0 z-40 flex w-[18rem] max-w-[85vw] flex-col border-r border-border bg-[var(--sidebar)] transition-transform duration-200 md:static md:z-auto md:translate-x-0",
          open ? "translate-x-0 shadow-xl" : "-translate-x-full",
        )}
      >
        <div className="flex h-14 shrink-0 items-center justify-between gap-2 px-3">
          <Link href="/chat" onClick={onNewChat} aria-label="Keyline home" className="rounded-md px-1.5 py-1 hover:bg-muted">
            <Logo />
          </Link>
          <div className="flex items-center gap-1">
            <Link
              href="/chat"
              onClick={onNewChat}
              aria-label="New chat"
              title="New chat (Ctrl+Shift+O)"
              className="inline-flex size-9 items-center justify-center rounded-lg text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <SquarePen aria-hidden className="size-[18px]" />
            </Link>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close sidebar"
              className="inline-flex size-9 items-center justify-center rounded-lg text-muted-foreground hover:bg-muted md:hidden"
            >
              <X aria-hidden className="size-[18px]" />
            </button>
          </div>
        </div>
        <div className="px-3 pb-2">
          <div className="relative">
            <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
            <input
              type="search"
              aria-label="Search chats"
              placeholder="Search chats"
              value={query}
              maxLength={200}
              onChange={(event) => setQuery(event.target.value)}
              className="h-9 w-full rounded-lg border border-border bg-background pl-8 pr-2 text-sm placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            />
          </div>
        </div>
        <nav aria-label="Chat history" className="min-h-0 flex-1 overflow-y-auto px-2 pb-2">
          <ThreadList />
        </nav>
        <nav aria-label="Account" className="shrink-0 border-t border-border p-3">
          <div className="flex items-center gap-2.5">
            <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-foreground text-xs font-semibold uppercase text-background">
              {accountLabel[0]}
            </span>
            <span className="min-w-0 flex-1 truncate text-sm" data-testid="signed-in-as" title={accountLabel}>
              {accountLabel}
            </span>
          </div>
          <div className="mt-2.5 flex items-center gap-2">
            <Link href="/settings/account" className="inline-flex h-8 flex-1 items-center justify-center rounded-md border border-border text-sm hover:bg-muted">
              Settings
            </Link>
            <div className="flex-1 [&_button]:w-full">
              <SignOutButton action={signOut} />
            </div>
          </div>
        </nav>
      </aside>
    </>
  );
}
