import "server-only";
import { finishAssistantMessage, saveAssistantProgress } from "@/lib/db/queries/messages";
import type { ReplySink } from "./reply-stream";

// Where a chat reply is kept: its assistant message row, owned by the user.
export function storedReply({ id, userId }: { id: string; userId: string }): ReplySink {
  return {
    progress: (text) => saveAssistantProgress({ id, userId, text }),
    finish: (outcome) => finishAssistantMessage({ id, userId, ...outcome }),
  };
}
