import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { requireUser } from "@/lib/auth/guard";
import { deleteAccount } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser({ allowPending: true });
  return (
    <>
      <SettingsSection id="profile" title="Profile">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-muted-foreground">Email</dt>
          <dd>{user.email ?? "—"}</dd>
          <dt className="text-muted-foreground">Name</dt>
          <dd>{user.name ?? "—"}</dd>
          <dt className="text-muted-foreground">Member since</dt>
          <dd>{user.createdAt.toISOString().slice(0, 10)}</dd>
        </dl>
      </SettingsSection>
      <SettingsSection
        id="your-data"
        title="Your data"
        description="Download everything Keyline holds about you: profile, chats, API key details and the security log."
      >
        <a
          href="/api/account/export"
          download
          className="inline-flex h-9 items-center rounded-md border border-border px-3 text-sm font-medium hover:bg-muted"
        >
          Export my data (JSON)
        </a>
      </SettingsSection>
      <SettingsSection
        id="delete-account"
        title="Delete account"
        description="Removes your chats, passkeys, linked accounts, API keys and sessions, and signs you out everywhere. This cannot be undone."
      >
        <DeleteAccountForm action={deleteAccount} />
      </SettingsSection>
    </>
  );
}
