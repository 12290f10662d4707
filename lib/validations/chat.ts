import { z } from "zod";

// POST /api/chat: the AI SDK's send-only-the-last-message shape. Shared by the composer and the server.
export const MAX_MESSAGE_CHARS = 32_000;
// A 32,000-character message can take 6 bytes a character once JSON-escaped; anything larger is not a message.
export const MAX_CHAT_BODY_BYTES = 256 * 1024;

export const messageStatuses = ["complete", "streaming", "interrupted", "error"] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const threadId = z.uuid({ error: "Thread ids are UUIDs." });
export const messageId = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, "Message ids are 8 to 100 letters, digits, - or _.");

const textPart = z.object({ type: z.literal("text"), text: z.string().max(MAX_MESSAGE_CHARS * 2) });

export const chatRequest = z.object({
  id: threadId,
  message: z.object({
    id: messageId,
    role: z.literal("user", { error: "Only user messages can be sent." }),
    parts: z.array(textPart, { error: "A message is a list of text parts." }).min(1).max(20),
  }),
  model: z.string().max(200).optional(),
});

export function messageText(parts: { type: string; text?: string }[]): string {
  return parts.map((part) => (part.type === "text" ? (part.text ?? "") : "")).join("\n");
}

// Readable reasons, shown by the composer before sending and by the server when a script skips the composer.
export function messageProblem(text: string): { code: "empty_message" | "message_too_long"; message: string } | null {
  if (!text.trim()) return { code: "empty_message", message: "Type a message before sending." };
  if (text.length > MAX_MESSAGE_CHARS) {
    return {
      code: "message_too_long",
      message: `Messages can be at most ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} characters; this one has ${text.length.toLocaleString("en-US")}.`,
    };
  }
  return null;
}
