import { z } from "zod";

// Shared by the Share dialog and POST /api/threads/[id]/shares.
export const SHARE_EXPIRY_MAX_DAYS = 365;
export const SHARE_EXPIRY_DEFAULT_DAYS = 30;
export const SHARE_EXPIRY_CHOICES = [
  { days: 1, label: "1 day" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 365, label: "1 year" },
  { days: null, label: "Never" },
] as const;

export const createShareInput = z.object({
  // Omitted: the default; null: the link never expires (it can still be revoked).
  expiresInDays: z
    .number({ error: "expiresInDays is a whole number of days, or null for never." })
    .int("expiresInDays is a whole number of days.")
    .min(1, "A link lasts at least 1 day.")
    .max(SHARE_EXPIRY_MAX_DAYS, `A link lasts at most ${SHARE_EXPIRY_MAX_DAYS} days.`)
    .nullable()
    .default(SHARE_EXPIRY_DEFAULT_DAYS),
  showOwnerName: z.boolean().default(false),
  // Interrupted and failed replies; a reply still streaming is never shared.
  includeUnfinished: z.boolean().default(false),
});
export type CreateShareInput = z.infer<typeof createShareInput>;

export const shareIdParam = z.object({ id: z.uuid() });

// 256 random bits in base64url are 43 characters; anything much longer is not worth hashing.
export const SHARE_TOKEN_MAX_CHARS = 64;

export const shareListQuery = z.object({ cursor: z.string().max(500).optional() });

// What the owner sees of a link (the list in settings and GET /api/shares).
export type ShareView = {
  id: string;
  threadId: string;
  title: string;
  createdAt: string;
  expiresAt: string | null;
  views: number;
  messageCount: number;
  showOwnerName: boolean;
  status: "active" | "expired";
};
