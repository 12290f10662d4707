import type { Metadata } from "next";
import { LinkedAccountsSection } from "@/components/settings/linked-accounts-section";
import { PasskeysSection } from "@/components/settings/passkeys-section";
import { SecurityLogSection } from "@/components/settings/security-log-section";
import { SessionsSection } from "@/components/settings/sessions-section";
import { getCurrentSession, requireUser } from "@/lib/auth/guard";
import { listSecurityEvents } from "@/lib/db/queries/security-events";
import { listUserSessions } from "@/lib/db/queries/sessions";
import { linkProviderAction, unlinkAccountAction } from "./linked-accounts-actions";
import { deletePasskeyAction, renamePasskeyAction } from "./passkey-actions";
import { revokeSession, signOutEverywhere, signOutOtherSessions } from "./session-actions";

export const metadata: Metadata = { title: "Security" };

// Sections: passkeys, linked accounts, sessions, security log. Each lives in components/settings/.
export default async function SecurityPage() {
  const user = await requireUser();
  const current = (await getCurrentSession())!;
  const [sessions, events] = await Promise.all([listUserSessions({ userId: user.id }), listSecurityEvents({ userId: user.id })]);
  return (
    <>
      <LinkedAccountsSection link={linkProviderAction} unlink={unlinkAccountAction} />
      <PasskeysSection renameAction={renamePasskeyAction} deleteAction={deletePasskeyAction} />
      <SessionsSection
        sessions={sessions}
        currentSessionId={current.session.id}
        actions={{ revoke: revokeSession, signOutOthers: signOutOtherSessions, signOutEverywhere: signOutEverywhere }}
      />
      <SecurityLogSection events={events} />
    </>
  );
}
