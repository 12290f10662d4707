import type { UIMessage } from "ai";
import type { MessageStatus } from "@/lib/validations/chat";
import type { ApiMessage } from "./serialize";

// Messages as the chat UI holds them: the AI SDK's UI messages, with the stored status alongside.
export type ChatMessageMetadata = { status?: MessageStatus; error?: string };
export type ChatMessage = UIMessage<ChatMessageMetadata>;

export function toChatMessages(messages: ApiMessage[]): ChatMessage[] {
  return messages.map((message) => ({
    id: message.id,
    role: message.role,
    parts: message.parts,
    metadata: { status: message.status, ...(message.error ? { error: message.error } : {}) },
  }));
}

export function textOf(message: Pick<ChatMessage, "parts">): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

// A JSON error body from our API (the request was refused before any reply started), or null.
export function apiErrorOf(message: string): { code: string; message: string } | null {
  try {
    const body = JSON.parse(message) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === "string" && typeof body.error.message === "string") {
      return { code: body.error.code, message: body.error.message };
    }
  } catch {
    // A stream error carries plain text.
  }
  return null;
}
