import type { Metadata } from "next";
import { SettingsSection } from "@/components/settings/settings-section";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
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
  );
}
