import type { FormAction } from "@/lib/http/action-result";
import type { PasskeyListItem } from "@/lib/validations/passkeys";
import { PasskeysItem } from "./passkeys-item";

type Action = FormAction;

type Props = { passkeys: PasskeyListItem[]; renameAction: Action; deleteAction: Action; reauthUrl: string };

export function PasskeysList({ passkeys, renameAction, deleteAction, reauthUrl }: Props) {
  if (passkeys.length === 0) {
    return <p className="text-sm text-muted-foreground">You have no passkeys yet.</p>;
  }
  return (
    <ul aria-label="Your passkeys" className="divide-y divide-border rounded-lg border border-border">
      {passkeys.map((passkey) => (
        <PasskeysItem key={passkey.id} passkey={passkey} renameAction={renameAction} deleteAction={deleteAction} reauthUrl={reauthUrl} />
      ))}
    </ul>
  );
}
