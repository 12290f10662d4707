import type { Metadata } from "next";
import { UsersTable } from "@/components/admin/users-table";
import { requireAdminPage } from "@/lib/admin/require-admin";
import { listUsersWithUsage } from "@/lib/budgets/admin-list";
import { AppError } from "@/lib/errors";
import { adminUserListQuery } from "@/lib/validations/admin";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  await requireAdminPage();
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" && value !== "" ? [[key, value]] : [])));
  const parsed = adminUserListQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  // A cursor that does not decode starts again from the first page.
  const page = await listUsersWithUsage(query).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "bad_request:cursor") return listUsersWithUsage({ ...query, cursor: undefined });
    throw error;
  });
  const filters = { q: query.q ?? "", status: query.status ?? "", role: query.role ?? "", sort: query.sort ?? "" };
  const next = page.nextCursor ? `/admin?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), cursor: page.nextCursor })}` : null;
  return <UsersTable users={page.users} filters={filters} nextPageHref={next} />;
}
