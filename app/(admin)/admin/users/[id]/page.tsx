import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UserActions } from "@/components/admin/user-actions";
import { RoleBadge, StatusBadge } from "@/components/admin/user-badges";
import { SettingsSection } from "@/components/settings/settings-section";
import { Time } from "@/components/ui/time";
import { requireAdminPage } from "@/lib/admin/require-admin";
import { reauthenticateUrl } from "@/lib/auth/recent-sign-in";
import { roleOf, statusOf } from "@/lib/auth/roles";
import { findUserForAdmin } from "@/lib/db/queries/admin-users";
import { userIdParam } from "@/lib/validations/admin";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ id: string }> };

export default async function AdminUserPage({ params }: Props) {
  const admin = await requireAdminPage();
  const id = userIdParam.safeParse((await params).id);
  const user = id.success ? await findUserForAdmin({ userId: id.data }) : null;
  if (!user) notFound();
  const label = user.email ?? user.name ?? user.id;
  return (
    <>
      <SettingsSection id="user" title={label}>
        <div className="mb-4 flex gap-2">
          <StatusBadge status={statusOf(user.status)} />
          <RoleBadge role={roleOf(user.role)} />
        </div>
        <dl className="grid grid-cols-[9rem_1fr] gap-y-2 text-sm">
          <dt className="text-muted-foreground">Name</dt>
          <dd>{user.name ?? "—"}</dd>
          <dt className="text-muted-foreground">Joined</dt>
          <dd>
            <Time value={user.createdAt} />
          </dd>
          <dt className="text-muted-foreground">Last seen</dt>
          <dd>
            <Time value={user.lastSeenAt} />
          </dd>
          {user.suspendedReason ? (
            <>
              <dt className="text-muted-foreground">Suspended because</dt>
              <dd>{user.suspendedReason}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">Sign-in methods</dt>
          <dd>{["email link", ...user.accounts.map((account) => account.provider)].join(", ")}</dd>
          <dt className="text-muted-foreground">Sessions · keys</dt>
          <dd>
            {user._count.sessions} sessions · {user._count.passkeys} passkeys · {user._count.apiKeys} API keys · {user._count.threads} chats
          </dd>
        </dl>
      </SettingsSection>
      <SettingsSection id="actions" title="Actions" description="Each action is recorded in the audit trail and in the user's own security log.">
        <UserActions
          userId={user.id}
          label={label}
          role={roleOf(user.role)}
          status={statusOf(user.status)}
          isSelf={user.id === admin.id}
          reauthenticateUrl={reauthenticateUrl(`/admin/users/${user.id}`)}
        />
      </SettingsSection>
    </>
  );
}
