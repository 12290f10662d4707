import "server-only";
import { db } from "@/lib/db/client";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type ChainHead = { seq: number; hash: string } | null;

export type AuditRow = {
  seq: number;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetId: string | null;
  targetEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: string;
  createdAt: Date;
  prevHash: string;
  hash: string;
};

export async function readChainHead(tx: Tx): Promise<ChainHead> {
  return tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
}

// `seq` is the primary key: of two transactions that read the same head and insert head + 1, only one
// commits (lib/admin/audited.ts runs the other again).
export async function insertAuditRow(tx: Tx, row: AuditRow) {
  await tx.auditEntry.create({ data: row });
}

// Newest first, for the console and the API.
export async function listAuditEntries({ cursor, take }: { cursor: number | null; take: number }) {
  const rows = await db.auditEntry.findMany({
    where: cursor === null ? {} : { seq: { lt: cursor } },
    orderBy: { seq: "desc" },
    take: take + 1,
  });
  return { entries: rows.slice(0, take), nextCursor: rows.length > take ? rows[take - 1]!.seq : null };
}
