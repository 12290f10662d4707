import { roleOf, statusOf } from "@/lib/auth/roles";

// The App API's user shape (docs/api.md, /work/shared/DESIGN.md "Operators").
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

export function toApiAuditEntry(entry: {
  seq: number;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetId: string | null;
  targetEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: string;
  createdAt: Date;
  prevHash: string;
  hash: string;
}) {
  return { ...entry, detail: JSON.parse(entry.detail) as unknown, createdAt: entry.createdAt.toISOString() };
}
