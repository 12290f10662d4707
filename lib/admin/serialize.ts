import { roleOf, statusOf } from "@/lib/auth/roles";
import type { AuditRow } from "@/lib/db/queries/audit";

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
