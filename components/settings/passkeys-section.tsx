import type { FormAction } from "@/lib/http/action-result";
import type { PasskeyListItem } from "@/lib/validations/passkeys";
import { PasskeysAddButton } from "./passkeys-add-button";
import { PasskeysList } from "./passkeys-list";
import { SettingsSection } from "./settings-section";

type Action = FormAction;

type Props = { passkeys: PasskeyListItem[]; reauthUrl: string; renameAction: Action; deleteAction: Action };

export function PasskeysSection({ passkeys, reauthUrl, renameAction, deleteAction }: Props) {
  return (
    <SettingsSection
      id="passkeys"
      title="Passkeys"
      description="Sign in with your fingerprint, face or device PIN instead of an email link. Passkeys can't be phished or reused on other sites."
    >
      <div className="space-y-4">
        <PasskeysList passkeys={passkeys} renameAction={renameAction} deleteAction={deleteAction} reauthUrl={reauthUrl} />
        <PasskeysAddButton reauthUrl={reauthUrl} />
      </div>
    </SettingsSection>
  );
}
