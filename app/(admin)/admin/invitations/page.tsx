import type { Metadata } from "next";
import { InvitationsPanel } from "@/components/admin/invitations-panel";
import { invitationStatus } from "@/lib/admin/invitation-status";
import { requireAdminPage } from "@/lib/admin/require-admin";
import { reauthenticateUrl } from "@/lib/auth/recent-sign-in";
import { listInvitations } from "@/lib/db/queries/invitations";
import { decodeCursor, encodeCursor, type Cursor } from "@/lib/pagination/cursor";

export const metadata: Metadata = { title: "Invitations" };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

export default async function AdminInvitationsPage({ searchParams }: Props) {
  await requireAdminPage();
  const { cursor: raw } = await searchParams;
  let cursor: Cursor | null = null;
  try {
    cursor = decodeCursor(typeof raw === "string" ? raw : null);
  } catch {
    cursor = null;
  }
  const page = await listInvitations({ cursor });
  const now = new Date();
  const last = page.invitations.at(-1);
  const next = page.hasMore && last ? `/admin/invitations?${new URLSearchParams({ cursor: encodeCursor({ createdAt: last.createdAt, id: last.id }) })}` : null;
  return (
    <InvitationsPanel
      invitations={page.invitations.map((row) => ({ ...row, status: invitationStatus(row, now) }))}
      nextPageHref={next}
      reauthenticateUrl={reauthenticateUrl("/admin/invitations")}
    />
  );
}
