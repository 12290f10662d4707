import type { Db } from "@/lib/db/create-client";
import { firstBreak, GENESIS_HASH, type ChainBreak } from "./audit-chain";

const BATCH = 1_000;

// Reads the whole trail oldest first, in batches, and returns how many entries fit the chain and the first
// that does not. (Takes the client as a parameter: `npm run audit:verify` runs outside the app.)
export async function verifyAuditChain(db: Db): Promise<{ checked: number; head: string; broken: ChainBreak | null }> {
  let previous = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await db.auditEntry.findMany({ where: { seq: { gt: previous.seq } }, orderBy: { seq: "asc" }, take: BATCH });
    if (rows.length === 0) return { checked, head: previous.hash, broken: null };
    const broken = firstBreak(rows, previous);
    if (broken) return { checked: checked + rows.findIndex((row) => row.seq === broken.seq), head: previous.hash, broken };
    checked += rows.length;
    const last = rows.at(-1)!;
    previous = { seq: last.seq, hash: last.hash };
  }
}
