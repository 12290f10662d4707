import { requireUser } from "@/lib/auth/guard";
import { reauthenticateUrl } from "@/lib/auth/recent-sign-in";
import { listPasskeys } from "@/lib/db/queries/passkeys";
import type { FormState } from "@/lib/validations/form-state";
import type { PasskeyListItem } from "@/lib/validations/passkeys";
import { PasskeysAddButton } from "./passkeys-add-button";
import { PasskeysList } from "./passkeys-list";
import { SettingsSection } from "./settings-section";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export async function PasskeysSection({ renameAction, deleteAction }: { renameAction: Action; deleteAction: Action }) {
  const user = await requireUser();
  const rows = await listPasskeys({ userId: user.id });
  const passkeys: PasskeyListItem[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    backedUp: row.backedUp,
    deviceType: row.deviceType,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }));
  const reauthUrl = reauthenticateUrl("/settings/security");
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
