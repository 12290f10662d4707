import "server-only";
import { db } from "@/lib/db/client";
import { insertAuditRow, readChainHead, type ChainHead } from "@/lib/db/queries/audit";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { canonicalDetail, entryHash, GENESIS_HASH } from "./audit-chain";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type AuditInput = {
  action: string;
  actor: { id: string; email: string | null } | null;
  target: { id: string | null; email: string | null } | null;
  request: { ip: string | null; userAgent: string | null } | null;
  detail?: Record<string, string | number | boolean | null>;
};

const ATTEMPTS = 8;

async function append(tx: Tx, head: ChainHead, input: AuditInput): Promise<ChainHead> {
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
  await insertAuditRow(tx, { ...fields, hash });
  return { seq: fields.seq, hash };
}

// An admin write, its audit entries and its security-log entry in one transaction: all of it is on the
// record, or none of it happened. The chain's head is read first and each entry takes the next `seq` (the
// primary key), so of two admin writes at once only one commits; the other fails with a unique violation
// and runs again from the start, so every check `work` makes (such as "is this the last admin?") sees
// what the first one did. PostgreSQL makes the second wait for the first to commit; SQLite runs
// transactions one at a time anyway.
export async function audited<T>(work: (tx: Tx) => Promise<{ result: T; audit: AuditInput[] }>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let started: ChainHead = null;
    try {
      return await db.$transaction(async (tx) => {
        let head = await readChainHead(tx);
        started = head;
        const { result, audit } = await work(tx);
        for (const entry of audit) head = await append(tx, head, entry);
        return result;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
      // Only a writer that took the next `seq` is worth waiting for; any other unique violation (an address
      // that got its account meanwhile) fails the same way every time.
      const now = await readChainHead(db as unknown as Tx);
      if (now?.seq === (started as ChainHead)?.seq) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
