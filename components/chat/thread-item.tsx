"use client";

import { Ellipsis, Link2, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { cn } from "@/lib/cn";
import type { ApiThreadSummary } from "@/lib/chat/serialize";
import { MAX_TITLE_CHARS } from "@/lib/validations/threads";

type Props = {
  thread: ApiThreadSummary;
  active: boolean;
  onRename: (title: string) => Promise<string | null>;
  onShare: () => void;
  onDelete: () => void;
};

export function ThreadItem({ thread, active, onRename, onShare, onDelete }: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(thread.title);
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menu.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    menu.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    return () => (document.removeEventListener("mousedown", close), document.removeEventListener("keydown", close));
  }, [menuOpen]);

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const title = draft.trim();
    if (!title || title === thread.title) {
      setEditing(false);
      setError(null);
      return;
    }
    const problem = await onRename(title);
    setError(problem);
    if (!problem) setEditing(false);
  }

  if (editing) {
    return (
      <li className="px-1 py-0.5">
        <form onSubmit={save}>
          <input
            ref={input}
            aria-label="Chat title"
            value={draft}
            maxLength={MAX_TITLE_CHARS}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => void save()}
            onKeyDown={(event) => event.key === "Escape" && (setEditing(false), setDraft(thread.title), setError(null))}
            aria-invalid={Boolean(error) || undefined}
            className="w-full rounded-md border border-ring bg-background px-2.5 py-1.5 text-sm focus:outline-none"
          />
          {error && (
            <p role="alert" className="px-1 pt-1 text-xs text-destructive">
              {error}
            </p>
          )}
        </form>
      </li>
    );
  }

  return (
    <li className="group relative">
      <Link
        href={`/chat/${thread.id}`}
        aria-current={active ? "page" : undefined}
        title={thread.title}
        className={cn(
          "block truncate rounded-lg px-3 py-2 pr-9 text-sm text-foreground/85 transition-colors hover:bg-muted hover:text-foreground",
          active && "bg-muted font-medium text-foreground",
        )}
      >
        {thread.title}
      </Link>
      <div ref={menu} className={cn("absolute right-1 top-1/2 -translate-y-1/2", menuOpen && "z-20")}>
        <button
          type="button"
          aria-label={`Options for ${thread.title}`}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((open) => !open)}
          className={cn(
            "inline-flex size-7 items-center justify-center rounded-md text-muted-foreground hover:bg-background hover:text-foreground focus-visible:opacity-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring md:opacity-0 md:group-hover:opacity-100",
            (menuOpen || active) && "md:opacity-100",
          )}
        >
          <Ellipsis aria-hidden className="size-4" />
        </button>
        {menuOpen && (
          <div role="menu" aria-label={`Options for ${thread.title}`} className="absolute right-0 z-50 mt-1 w-36 rounded-lg border border-border bg-card p-1 shadow-lg">
            <button
              type="button"
              role="menuitem"
              onClick={() => (setMenuOpen(false), setDraft(thread.title), setEditing(true))}
              className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none"
            >
              <Pencil aria-hidden className="size-3.5" /> Rename
            </button>
            <button
              type="button"
              role="menuitem"
              onClick={() => (setMenuOpen(false), onShare())}
              className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none"
            >
              <Link2 aria-hidden className="size-3.5" /> Share…
            </button>
            <button
              type="button"
              role="menuitem"
              onClick={() => (setMenuOpen(false), onDelete())}
              className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-destructive hover:bg-destructive/10 focus-visible:bg-destructive/10 focus-visible:outline-none"
            >
              <Trash2 aria-hidden className="size-3.5" /> Delete
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
