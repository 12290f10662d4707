import "server-only";
import { canonicalDetail, entryHash, GENESIS_HASH } from "@/lib/admin/audit-chain";
import { db } from "@/lib/db/client";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type AuditInput = {
  action: string;
  actor: { id: string; email: string | null } | null;
  target: { id: string; email: string | null } | null;
  request: { ip: string | null; userAgent: string | null } | null;
  detail?: Record<string, string | number | boolean | null>;
};

export type ChainHead = { seq: number; hash: string } | null;

export async function readChainHead(tx: Tx): Promise<ChainHead> {
  return tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
}

// Appends after `head`, read at the start of the caller's transaction. `seq` is the primary key and the
// next number after the head, so of two transactions that read the same head only one can commit; the
// other fails with a unique violation and lib/admin/audited.ts runs it again (PostgreSQL makes it wait for
// the first to commit; SQLite runs transactions one at a time anyway).
export async function appendAuditEntry(tx: Tx, head: ChainHead, input: AuditInput): Promise<ChainHead> {
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    action: input.action,
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? null,
    targetId: input.target?.id ?? null,
    targetEmail: input.target?.email ?? null,
    ip: input.request?.ip ?? null,
    userAgent: input.request?.userAgent ?? null,
    detail: canonicalDetail(input.detail ?? {}),
    createdAt: new Date(),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(fields);
  await tx.auditEntry.create({ data: { ...fields, hash } });
  return { seq: fields.seq, hash };
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

// Oldest first from `afterSeq`, for the chain check.
export async function auditEntriesAfter({ afterSeq, take }: { afterSeq: number; take: number }) {
  return db.auditEntry.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take });
}
