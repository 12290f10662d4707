import { roleOf, statusOf } from "@/lib/auth/roles";
import type { AuditRow } from "@/lib/db/queries/audit";
import type { InvitationRow } from "@/lib/db/queries/invitations";
import { invitationStatus } from "./invitation-status";

// The App API's user shape (docs/api.md).
export function toApiUser(user: { id: string; email: string | null; name: string | null; role: string; status: string; createdAt: Date; lastSeenAt?: Date | null }) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleOf(user.role),
    status: statusOf(user.status),
    createdAt: user.createdAt.toISOString(),
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
  };
}

export function toApiAuditEntry(entry: AuditRow) {
  return { ...entry, detail: JSON.parse(entry.detail) as unknown, createdAt: entry.createdAt.toISOString() };
}

// The App API's invitation shape (docs/api.md): who invited whom, as what, and where it stands.
export function toApiInvitation(row: InvitationRow, now = new Date()) {
  return {
    id: row.id,
    email: row.email,
    role: roleOf(row.role),
    status: invitationStatus(row, now),
    invitedBy: row.invitedById ? { id: row.invitedById, email: row.invitedByEmail } : null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    usedBy: row.usedById,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
