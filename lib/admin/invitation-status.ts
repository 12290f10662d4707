// What the console and the API say about an invitation: used and revoked are final; otherwise its expiry decides.
export const INVITATION_STATUSES = ["pending", "used", "expired", "revoked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export function invitationStatus(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.usedAt) return "used";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
