import { z } from "zod";
import { threadId } from "./chat";

export const threadListQuery = z.object({
  q: z.string().trim().max(200).optional().transform((value) => value || undefined),
  cursor: z.string().max(500).optional(),
});

export const threadParams = z.object({ id: threadId });

export const MAX_TITLE_CHARS = 100;
// Ids are checked by lib/chat/threads.ts, where a malformed id is the same 404 as a missing thread.
const anyThreadId = z.string().max(100);
export const deleteThreadInput = z.object({ id: anyThreadId });
export const threadTitleInput = z.object({
  title: z
    .string({ error: "Give the chat a title." })
    .trim()
    .min(1, "Give the chat a title.")
    .max(MAX_TITLE_CHARS, `Titles can be at most ${MAX_TITLE_CHARS} characters.`),
});
export const renameThreadInput = threadTitleInput.extend({ id: anyThreadId });

export const MESSAGE_PAGE_DEFAULT = 30;
export const MESSAGE_PAGE_MAX = 100;
export const messageListQuery = z.object({
  before: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(MESSAGE_PAGE_MAX).default(MESSAGE_PAGE_DEFAULT),
});
