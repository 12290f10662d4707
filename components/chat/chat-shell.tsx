"use client";

import type { FormAction } from "@/lib/http/action-result";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import type { ApiThreadSummary } from "@/lib/chat/serialize";
import { ChatHeader } from "./chat-header";
import { ThreadActionsContext, type ThreadActions } from "./thread-actions-context";
import { ThreadListProvider } from "./thread-list-provider";
import { ThreadSidebar } from "./thread-sidebar";

type Props = {
  accountLabel: string;
  signOut: FormAction;
  actions: ThreadActions;
  initialThreads: { threads: ApiThreadSummary[]; nextCursor: string | null };
  children: ReactNode;
};

// Sidebar and thread view. The sidebar is a drawer on small screens.
export function ChatShell({ accountLabel, signOut, actions, initialThreads, children }: Props) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const router = useRouter();

  useEffect(() => setOpen(false), [pathname]);

  // The /chat page renders a fresh thread id on every navigation to it.
  const newChat = useCallback(() => setOpen(false), []);

  // Ctrl+Shift+O (⌘⇧O on a Mac) starts a new chat, as in other chat apps.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === "o") {
        event.preventDefault();
        router.push("/chat");
        newChat();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, newChat]);

  return (
    <ThreadActionsContext.Provider value={actions}>
      <ThreadListProvider initial={initialThreads}>
        <div className="flex h-dvh overflow-hidden">
          <ThreadSidebar accountLabel={accountLabel} signOut={signOut} open={open} onClose={() => setOpen(false)} onNewChat={newChat} />
          <div className="flex min-w-0 flex-1 flex-col">
            <ChatHeader sidebarOpen={open} onOpenSidebar={() => setOpen(true)} onNewChat={newChat} />
            {children}
          </div>
        </div>
      </ThreadListProvider>
    </ThreadActionsContext.Provider>
  );
}
