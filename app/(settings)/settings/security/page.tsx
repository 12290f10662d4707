import type { Metadata } from "next";
import { ConnectedAppsSection } from "@/components/settings/connected-apps-section";
import { LinkedAccountsSection } from "@/components/settings/linked-accounts-section";
import { PasskeysSection } from "@/components/settings/passkeys-section";
import { SecurityLogSection } from "@/components/settings/security-log-section";
import { SessionsSection } from "@/components/settings/sessions-section";
import { getCurrentSession, requireUser } from "@/lib/auth/guard";
import { oauthProviderOptions } from "@/lib/auth/oauth-providers";
import { reauthenticateUrl } from "@/lib/auth/recent-sign-in";
import { listLinkedAccounts } from "@/lib/db/queries/linked-accounts";
import { listSecurityEvents } from "@/lib/db/queries/security-events";
import { listUserSessions } from "@/lib/db/queries/sessions";
import { listConnectedApps } from "@/lib/oauth/connected-apps";
import { listOwnPasskeys } from "@/lib/passkeys/list";
import { revokeAllConnectedAppsAction, revokeConnectedAppAction } from "./connected-apps-actions";
import { linkProviderAction, unlinkAccountAction } from "./linked-accounts-actions";
import { deletePasskeyAction, renamePasskeyAction } from "./passkey-actions";
import { revokeSession, signOutEverywhere, signOutOtherSessions } from "./session-actions";

export const metadata: Metadata = { title: "Security" };

const PAGE = "/settings/security";

// Sections: linked accounts, passkeys, sessions, connected apps, security log. The page loads; components/settings/ shows.
export default async function SecurityPage() {
  const user = await requireUser();
  const current = (await getCurrentSession())!;
  const [accounts, passkeys, sessions, apps, events] = await Promise.all([
    listLinkedAccounts({ userId: user.id }),
    listOwnPasskeys({ userId: user.id }),
    listUserSessions({ userId: user.id }),
    listConnectedApps({ userId: user.id }),
    listSecurityEvents({ userId: user.id }),
  ]);
  const reauthUrl = reauthenticateUrl(PAGE);
  return (
    <>
      <LinkedAccountsSection
        accounts={accounts}
        providers={oauthProviderOptions()}
        reauthUrl={reauthUrl}
        link={linkProviderAction}
        unlink={unlinkAccountAction}
      />
      <PasskeysSection passkeys={passkeys} reauthUrl={reauthUrl} renameAction={renamePasskeyAction} deleteAction={deletePasskeyAction} />
      <SessionsSection
        sessions={sessions}
        currentSessionId={current.session.id}
        actions={{ revoke: revokeSession, signOutOthers: signOutOtherSessions, signOutEverywhere: signOutEverywhere }}
      />
      <ConnectedAppsSection apps={apps} revoke={revokeConnectedAppAction} revokeAll={revokeAllConnectedAppsAction} />
      <SecurityLogSection events={events} />
    </>
  );
}
