import { z } from "zod";
import { threadId } from "./chat";

export const threadListQuery = z.object({
  q: z.string().trim().max(200).optional().transform((value) => value || undefined),
  cursor: z.string().max(500).optional(),
});

export const threadParams = z.object({ id: threadId });

export const MAX_TITLE_CHARS = 100;
export const renameThreadInput = z.object({
  title: z
    .string({ error: "Give the chat a title." })
    .trim()
    .min(1, "Give the chat a title.")
    .max(MAX_TITLE_CHARS, `Titles can be at most ${MAX_TITLE_CHARS} characters.`),
});

export const MESSAGE_PAGE_DEFAULT = 30;
export const MESSAGE_PAGE_MAX = 100;
export const messageListQuery = z.object({
  before: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(MESSAGE_PAGE_MAX).default(MESSAGE_PAGE_DEFAULT),
});

// What the thread server actions return (the house shape for server actions).
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[] | undefined> };
