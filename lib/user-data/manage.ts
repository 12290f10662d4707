import "server-only";
import { assertMayDeleteOwnAccount } from "@/lib/admin/manage";
import { deleteUserAccount, exportUserData } from "@/lib/db/queries/user-data";

// The user's own data as a whole: the export (everything Keyline holds about them, without secrets)
// and deleting the account with all of it.

export async function exportOwnData({ userId }: { userId: string }) {
  return exportUserData({ userId });
}

// Sessions, linked accounts, passkeys, threads, keys and security events go with the user (cascades);
// the caller then signs the browser out.
export async function deleteOwnAccount({ userId }: { userId: string }): Promise<void> {
  await assertMayDeleteOwnAccount(userId);
  await deleteUserAccount({ userId });
}
