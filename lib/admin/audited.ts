import "server-only";
import { db } from "@/lib/db/client";
import { appendAuditEntry, readChainHead, type AuditInput } from "@/lib/db/queries/audit";
import { isUniqueViolation } from "@/lib/db/unique-violation";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const ATTEMPTS = 8;

// An admin write, its audit entry and its security-log entry in one transaction: all of it is on the record,
// or none of it happened. Audit appends serialise on the chain's head (lib/db/queries/audit.ts): reading it
// first makes every check `work` does (such as "is this the last admin?") run again after any concurrent
// admin write commits, because that write took the seq this one would have taken.
export async function audited<T>(work: (tx: Tx) => Promise<{ result: T; audit: AuditInput[] }>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        let head = await readChainHead(tx);
        const { result, audit } = await work(tx);
        for (const entry of audit) head = await appendAuditEntry(tx, head, entry);
        return result;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
