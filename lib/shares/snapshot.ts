import "server-only";
import type { ApiMessage } from "@/lib/chat/serialize";
import { listOwnMessagesWithStatus } from "@/lib/chat/threads";
import type { MessageStatus } from "@/lib/validations/chat";

// What a link freezes: complete messages, plus interrupted and failed replies only when the owner asks.
// A reply still streaming is never included: its text is not final.
export async function takeSnapshot(input: { userId: string; threadId: string; includeUnfinished: boolean }): Promise<ApiMessage[]> {
  const statuses: Exclude<MessageStatus, "streaming">[] = input.includeUnfinished ? ["complete", "interrupted", "error"] : ["complete"];
  return listOwnMessagesWithStatus({ userId: input.userId, threadId: input.threadId, statuses });
}

// The stored copy, read back defensively: it is JSON written by takeSnapshot, but never trusted blindly.
export function readSnapshot(stored: unknown): ApiMessage[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item: unknown): ApiMessage[] => {
    if (typeof item !== "object" || item === null) return [];
    const message = item as Partial<ApiMessage>;
    if (typeof message.id !== "string" || typeof message.createdAt !== "string" || !Array.isArray(message.parts)) return [];
    const parts = message.parts.filter((part) => part?.type === "text" && typeof part.text === "string").map((part) => ({ type: "text" as const, text: part.text }));
    const status: MessageStatus = message.status === "interrupted" || message.status === "error" ? message.status : "complete";
    return [
      {
        id: message.id,
        role: message.role === "assistant" ? "assistant" : "user",
        parts,
        status,
        createdAt: message.createdAt,
        ...(status === "error" && typeof message.error === "string" ? { error: message.error } : {}),
      },
    ];
  });
}
