import type { Metadata } from "next";
import { UsersTable } from "@/components/admin/users-table";
import { requireAdminPage } from "@/lib/admin/require-admin";
import { listUsersForAdmin } from "@/lib/db/queries/admin-users";
import { decodeCursor } from "@/lib/pagination/cursor";
import { adminUserListQuery } from "@/lib/validations/admin";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  await requireAdminPage();
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" && value !== "" ? [[key, value]] : [])));
  const parsed = adminUserListQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  let cursor = null;
  try {
    cursor = decodeCursor(query.cursor);
  } catch {
    cursor = null;
  }
  const page = await listUsersForAdmin({ q: query.q, status: query.status, role: query.role, sort: query.sort, cursor });
  const filters = { q: query.q ?? "", status: query.status ?? "", role: query.role ?? "", sort: query.sort ?? "" };
  const next = page.nextCursor ? `/admin?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), cursor: page.nextCursor })}` : null;
  return <UsersTable users={page.users} filters={filters} nextPageHref={next} />;
}
