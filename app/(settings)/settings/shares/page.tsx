import type { Metadata } from "next";
import { SettingsSection } from "@/components/settings/settings-section";
import { SharesList } from "@/components/settings/shares-list";
import { requireUser } from "@/lib/auth/guard";
import { listSharesForUser } from "@/lib/shares/manage";

export const metadata: Metadata = { title: "Shared links" };

export default async function SharedLinksPage() {
  const user = await requireUser();
  const page = await listSharesForUser({ userId: user.id });
  return (
    <SettingsSection
      id="shared-links"
      title="Shared links"
      description="Links to snapshots of your chats. Anyone with a link can read its snapshot until it expires or you revoke it; a revoked link stops working at once."
    >
      <SharesList initial={page} />
    </SettingsSection>
  );
}
