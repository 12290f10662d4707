import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BudgetForm } from "@/components/admin/budget-form";
import { UserActions } from "@/components/admin/user-actions";
import { RoleBadge, StatusBadge } from "@/components/admin/user-badges";
import { SettingsSection } from "@/components/settings/settings-section";
import { UsageBreakdown } from "@/components/usage/usage-breakdown";
import { UsageWindow } from "@/components/usage/usage-window";
import { Time } from "@/components/ui/time";
import { requireAdminPage } from "@/lib/admin/require-admin";
import { reauthenticateUrl } from "@/lib/auth/recent-sign-in";
import { roleOf, statusOf } from "@/lib/auth/roles";
import { defaultBudgetDescription } from "@/lib/budgets/policy";
import { usageSummary } from "@/lib/budgets/usage";
import { findUserForAdmin } from "@/lib/db/queries/admin-users";
import { userIdParam } from "@/lib/validations/admin";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ id: string }> };

export default async function AdminUserPage({ params }: Props) {
  const admin = await requireAdminPage();
  const id = userIdParam.safeParse((await params).id);
  const user = id.success ? await findUserForAdmin({ userId: id.data }) : null;
  if (!user) notFound();
  const usage = await usageSummary({ userId: user.id, tokenBudget: user.tokenBudget });
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
      <SettingsSection id="budget" title="Token budget" description="Counted across the chat, API keys and connected apps. A change counts from the user's next request.">
        <div className="space-y-6">
          <UsageWindow budget={usage.budget} window={usage.window} />
          <BudgetForm userId={user.id} stored={user.tokenBudget} defaultDescription={defaultBudgetDescription()} reauthenticateUrl={reauthenticateUrl(`/admin/users/${user.id}`)} />
        </div>
      </SettingsSection>
      <SettingsSection id="usage" title="Usage" description="Tokens as the model providers reported them, by UTC day.">
        <UsageBreakdown days={usage.days} models={usage.models} sources={usage.sources} total={usage.total} requests={usage.requests} estimated={usage.estimated} />
      </SettingsSection>
    </>
  );
}
