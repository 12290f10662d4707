"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ApiThreadSummary } from "@/lib/chat/serialize";

type ThreadPage = { threads: ApiThreadSummary[]; nextCursor: string | null };

type ThreadListState = {
  threads: ApiThreadSummary[];
  nextCursor: string | null;
  query: string;
  loading: boolean;
  error: string | null;
  setQuery: (query: string) => void;
  loadMore: () => Promise<void>;
  refresh: () => Promise<void>;
  upsert: (thread: ApiThreadSummary, options?: { moveToTop?: boolean }) => void;
  remove: (id: string) => void;
  titleOf: (id: string) => string | undefined;
};

const ThreadListContext = createContext<ThreadListState | null>(null);

async function fetchThreads(query: string, cursor: string | null, signal?: AbortSignal): Promise<ThreadPage> {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (cursor) params.set("cursor", cursor);
  const response = await fetch(`/api/threads?${params}`, { signal, cache: "no-store" });
  if (!response.ok) throw new Error("Could not load your chats.");
  return (await response.json()) as ThreadPage;
}

// The sidebar's list, shared with the chat view so a new or renamed thread shows at once.
export function ThreadListProvider({ initial, children }: { initial: ThreadPage; children: ReactNode }) {
  const [page, setPage] = useState(initial);
  const [query, setQuery] = useState("");
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = useRef(new Map<string, string>());
  const queryRef = useRef(query);
  queryRef.current = query;

  const load = useCallback(async (q: string, signal?: AbortSignal) => {
    setLoading(true);
    try {
      const next = await fetchThreads(q, null, signal);
      if (!signal?.aborted) {
        setPage(next);
        setError(null);
      }
    } catch (caught) {
      if (!signal?.aborted) setError(caught instanceof Error ? caught.message : "Could not load your chats.");
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  }, []);

  // Searching waits for a pause in typing; an empty query shows everything again.
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) return void (firstRun.current = false);
    const controller = new AbortController();
    const timer = setTimeout(() => void load(query.trim(), controller.signal), 250);
    return () => (clearTimeout(timer), controller.abort());
  }, [query, load]);

  const loadMore = useCallback(async () => {
    if (!page.nextCursor || loading) return;
    setLoading(true);
    try {
      const next = await fetchThreads(queryRef.current.trim(), page.nextCursor);
      setPage((current) => ({
        threads: [...current.threads, ...next.threads.filter((t) => !current.threads.some((c) => c.id === t.id))],
        nextCursor: next.nextCursor,
      }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not load your chats.");
    } finally {
      setLoading(false);
    }
  }, [page.nextCursor, loading]);

  const upsert = useCallback((thread: ApiThreadSummary, options: { moveToTop?: boolean } = {}) => {
    known.current.set(thread.id, thread.title);
    setPage((current) => {
      const index = current.threads.findIndex((t) => t.id === thread.id);
      if (index === -1) {
        // A thread outside the loaded pages joins the list only when it has just been active.
        return options.moveToTop && !queryRef.current ? { ...current, threads: [thread, ...current.threads] } : current;
      }
      const rest = current.threads.filter((t) => t.id !== thread.id);
      const merged = { ...current.threads[index]!, ...thread };
      if (options.moveToTop) return { ...current, threads: [merged, ...rest] };
      const threads = [...current.threads];
      threads[index] = merged;
      return { ...current, threads };
    });
  }, []);

  const remove = useCallback((id: string) => {
    known.current.delete(id);
    setPage((current) => ({ ...current, threads: current.threads.filter((t) => t.id !== id) }));
  }, []);

  const value = useMemo<ThreadListState>(
    () => ({
      threads: page.threads,
      nextCursor: page.nextCursor,
      query,
      loading,
      error,
      setQuery,
      loadMore,
      refresh: () => load(queryRef.current.trim()),
      upsert,
      remove,
      titleOf: (id) => page.threads.find((t) => t.id === id)?.title ?? known.current.get(id),
    }),
    [page, query, loading, error, loadMore, load, upsert, remove],
  );
  return <ThreadListContext.Provider value={value}>{children}</ThreadListContext.Provider>;
}

export function useThreadList(): ThreadListState {
  const value = useContext(ThreadListContext);
  if (!value) throw new Error("useThreadList needs a ThreadListProvider");
  return value;
}
