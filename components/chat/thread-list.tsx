"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ApiThreadSummary } from "@/lib/chat/serialize";
import { ConfirmDialog } from "./confirm-dialog";
import { ShareDialog } from "./share-dialog";
import { useThreadActions } from "./thread-actions-context";
import { ThreadItem } from "./thread-item";
import { useThreadList } from "./thread-list-provider";

export function ThreadList() {
  const list = useThreadList();
  const actions = useThreadActions();
  const pathname = usePathname();
  const router = useRouter();
  const [deleting, setDeleting] = useState<ApiThreadSummary | null>(null);
  const [sharing, setSharing] = useState<ApiThreadSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const activeId = pathname.startsWith("/chat/") ? pathname.slice("/chat/".length) : null;

  useEffect(() => {
    const sentinel = bottom.current;
    if (!sentinel || !list.nextCursor) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void list.loadMore());
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [list]);

  async function rename(thread: ApiThreadSummary, title: string): Promise<string | null> {
    const result = await actions.rename({ id: thread.id, title });
    if (!result.ok) return result.message;
    list.upsert(result.data);
    return null;
  }

  async function confirmDelete() {
    if (!deleting) return;
    setBusy(true);
    const result = await actions.remove({ id: deleting.id });
    setBusy(false);
    if (!result.ok) return setDeleteError(result.message);
    list.remove(deleting.id);
    if (deleting.id === activeId) router.push("/chat");
    setDeleting(null);
  }

  const empty = list.threads.length === 0 && !list.loading;
  return (
    <>
      {list.error && (
        <p role="alert" className="px-3 py-2 text-xs text-destructive">
          {list.error}
        </p>
      )}
      {empty && (
        <p className="px-3 py-6 text-center text-sm text-muted-foreground">
          {list.query.trim() ? `No chats match “${list.query.trim()}”.` : "No chats yet. Start one and it will appear here."}
        </p>
      )}
      <ul className="flex flex-col gap-0.5" aria-busy={list.loading || undefined}>
        {list.threads.map((thread) => (
          <ThreadItem
            key={thread.id}
            thread={thread}
            active={thread.id === activeId}
            onRename={(title) => rename(thread, title)}
            onShare={() => setSharing(thread)}
            onDelete={() => (setDeleteError(null), setDeleting(thread))}
          />
        ))}
      </ul>
      {list.nextCursor && (
        <div ref={bottom} className="flex justify-center py-2">
          <button type="button" onClick={() => void list.loadMore()} className="rounded-md px-2 py-1 text-xs text-muted-foreground hover:bg-muted">
            {list.loading ? "Loading…" : "Show more chats"}
          </button>
        </div>
      )}
      <ShareDialog thread={sharing} onClose={() => setSharing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this chat?"
        confirmLabel="Delete"
        busy={busy}
        error={deleteError}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        “{deleting?.title}” and all its messages will be deleted. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
