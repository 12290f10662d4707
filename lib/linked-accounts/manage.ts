import "server-only";
import { assertNotLastWayIn } from "@/lib/auth/ways-in";
import { deleteLinkedAccount } from "@/lib/db/queries/linked-accounts";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/http/request-info";

// Provider accounts (Google, GitHub, OIDC) linked to a user. Linking happens in Auth.js's flow
// (lib/auth/linking.ts logs it); unlinking is here, with its check and its security-log entry.

export function linkedAccountNotFound(): AppError {
  return new AppError("not_found:account", "That linked account does not exist.");
}

// The last-way-in check runs under the user's lock, in one transaction with the delete.
export async function unlinkOwnAccount(input: { userId: string; id: string; request: RequestInfo }): Promise<{ provider: string }> {
  const { userId, id, request } = input;
  const removed = await deleteLinkedAccount({ id, userId, beforeDelete: (tx) => assertNotLastWayIn(userId, tx) });
  if (!removed) throw linkedAccountNotFound();
  await recordSecurityEvent({
    userId,
    type: "account_unlinked",
    request,
    detail: { provider: removed.provider, account: removed.login ?? removed.email },
  });
  return { provider: removed.provider };
}
