import Link from "next/link";
import { SettingsSection } from "@/components/settings/settings-section";
import { Time } from "@/components/ui/time";
import { RoleBadge, StatusBadge } from "./user-badges";
import { NextPageLink } from "@/components/ui/next-page-link";

export type AdminUserRow = { id: string; email: string | null; name: string | null; role: string; status: string; createdAt: Date; lastSeenAt: Date | null; tokens: number };
type Filters = { q: string; status: string; role: string; sort: string };

const selectClass = "h-9 rounded-md border border-border bg-background px-2 text-sm";

// A plain GET form: searching and filtering work before (and without) JavaScript.
export function UsersTable({ users, filters, nextPageHref }: { users: AdminUserRow[]; filters: Filters; nextPageHref: string | null }) {
  return (
    <SettingsSection
      id="users"
      title="Users"
      description={
        filters.sort === "usage"
          ? "Everyone with an account, most tokens used in the last 30 days first."
          : filters.sort === "lastSeen"
            ? "Everyone with an account, most recently seen first."
            : "Everyone with an account, newest first."
      }
    >
      <form method="get" action="/admin" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
          <span className="text-muted-foreground">Search email or name</span>
          <input name="q" defaultValue={filters.q} className="h-9 rounded-md border border-border bg-background px-2" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">Status</span>
          <select name="status" defaultValue={filters.status} className={selectClass}>
            <option value="">Any</option>
            <option value="pending">Pending</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">Role</span>
          <select name="role" defaultValue={filters.role} className={selectClass}>
            <option value="">Any</option>
            <option value="admin">Admin</option>
            <option value="member">Member</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">Sort</span>
          <select name="sort" defaultValue={filters.sort} className={selectClass}>
            <option value="">Newest</option>
            <option value="lastSeen">Last seen</option>
            <option value="usage">Most tokens (30 days)</option>
          </select>
        </label>
        <button type="submit" className="h-9 rounded-md bg-primary px-3 text-sm font-medium text-primary-foreground">
          Filter
        </button>
      </form>
      {users.length === 0 ? (
        <p className="text-sm text-muted-foreground">No users match.</p>
      ) : (
        <ul className="divide-y divide-border text-sm" aria-label="Users">
          {users.map((user) => (
            <li key={user.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between" data-testid="admin-user">
              <span className="flex min-w-0 flex-wrap items-center gap-2">
                <Link href={`/admin/users/${user.id}`} className="truncate font-medium underline-offset-4 hover:underline">
                  {user.email ?? user.name ?? user.id}
                </Link>
                <StatusBadge status={user.status} />
                <RoleBadge role={user.role} />
              </span>
              <span className="text-muted-foreground">
                <span data-testid="admin-user-tokens">{user.tokens.toLocaleString("en-US")} tokens</span> (30 days) · joined <Time value={user.createdAt} /> · {user.lastSeenAt ? <>seen <Time value={user.lastSeenAt} /></> : "never seen"}
              </span>
            </li>
          ))}
        </ul>
      )}
      <NextPageLink href={nextPageHref} />
    </SettingsSection>
  );
}
