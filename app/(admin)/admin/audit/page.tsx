import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { requireAdminPage } from "@/lib/admin/require-admin";
import { listAuditEntries } from "@/lib/db/queries/audit";
import { auditListQuery } from "@/lib/validations/admin";

export const metadata: Metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

export default async function AdminAuditPage({ searchParams }: Props) {
  await requireAdminPage();
  const { cursor } = await searchParams;
  const parsed = auditListQuery.safeParse({ cursor: typeof cursor === "string" ? cursor : undefined });
  const page = await listAuditEntries({ cursor: parsed.success ? (parsed.data.cursor ?? null) : null, take: 50 });
  return <AuditTable entries={page.entries} nextPageHref={page.nextCursor ? `/admin/audit?cursor=${page.nextCursor}` : null} />;
}
