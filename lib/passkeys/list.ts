import "server-only";
import { listPasskeys } from "@/lib/db/queries/passkeys";
import type { PasskeyListItem } from "@/lib/validations/passkeys";

// The settings list: dates as ISO strings, ready for the client component.
export async function listOwnPasskeys({ userId }: { userId: string }): Promise<PasskeyListItem[]> {
  const rows = await listPasskeys({ userId });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    backedUp: row.backedUp,
    deviceType: row.deviceType,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }));
}
