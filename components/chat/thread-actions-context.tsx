"use client";

import { createContext, useContext } from "react";
import type { ApiThreadSummary } from "@/lib/chat/serialize";
import type { ActionResult } from "@/lib/http/action-result";

// The thread server actions, handed down from the layout (components never import from app/).
export type ThreadActions = {
  rename: (input: { id: string; title: string }) => Promise<ActionResult<ApiThreadSummary>>;
  remove: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
};

export const ThreadActionsContext = createContext<ThreadActions | null>(null);

export function useThreadActions(): ThreadActions {
  const value = useContext(ThreadActionsContext);
  if (!value) throw new Error("useThreadActions needs a ThreadActionsContext");
  return value;
}
