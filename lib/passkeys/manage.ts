import "server-only";
import { assertNotLastWayIn } from "@/lib/auth/ways-in";
import { deletePasskey, findPasskey, renamePasskey } from "@/lib/db/queries/passkeys";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import type { RequestInfo } from "@/lib/http/request-info";
import { passkeyErrors } from "./errors";

// A user's changes to their passkeys, each with its security-log entry. (Adding one is the registration
// ceremony, lib/passkeys/registration.ts.) Scoped by owner, so another user's id is "not found".

export async function renameOwnPasskey(input: { userId: string; id: string; name: string; request: RequestInfo }): Promise<void> {
  const { userId, id, name, request } = input;
  const before = await findPasskey({ id, userId });
  if (!before || !(await renamePasskey({ id, userId, name }))) throw passkeyErrors.notFound();
  await recordSecurityEvent({ userId, type: "passkey_renamed", request, detail: { passkeyId: id, from: before.name, to: name } });
}

// The last-way-in check runs under the user's lock, in one transaction with the delete.
export async function removeOwnPasskey(input: { userId: string; id: string; request: RequestInfo }): Promise<{ name: string }> {
  const { userId, id, request } = input;
  const passkey = await deletePasskey({ id, userId, beforeDelete: (tx) => assertNotLastWayIn(userId, tx) });
  if (!passkey) throw passkeyErrors.notFound();
  await recordSecurityEvent({ userId, type: "passkey_removed", request, detail: { passkeyId: id, name: passkey.name } });
  return { name: passkey.name };
}
