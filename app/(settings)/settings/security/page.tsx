import type { Metadata } from "next";
import { PasskeysSection } from "@/components/settings/passkeys-section";
import { requireUser } from "@/lib/auth/guard";
import { deletePasskeyAction, renamePasskeyAction } from "./passkey-actions";

export const metadata: Metadata = { title: "Security" };

// Sections: passkeys, linked accounts, sessions, security log. Each lives in components/settings/.
export default async function SecurityPage() {
  await requireUser();
  return (
    <>
      <PasskeysSection renameAction={renamePasskeyAction} deleteAction={deletePasskeyAction} />
    </>
  );
}
