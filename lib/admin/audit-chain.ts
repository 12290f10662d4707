import crypto from "node:crypto";
import type { AuditRow } from "@/lib/db/queries/audit";

// The audit trail's hash chain. Pure, so `npm run audit:verify` and the unit tests check exactly what the
// writer computes. Each entry's hash is the SHA-256 of its canonical form, which includes the previous
// entry's hash: editing, inserting or deleting a row changes every hash after it.

export const GENESIS_HASH = "0".repeat(64);

export type AuditFields = Omit<AuditRow, "hash">;

// A JSON array in fixed order: no key ordering or whitespace questions, and the same bytes on any engine
// (dates as ISO strings with milliseconds, which both engines store exactly).
export function canonicalForm(entry: AuditFields): string {
  return JSON.stringify([
    entry.seq,
    entry.action,
    entry.actorId,
    entry.actorEmail,
    entry.targetId,
    entry.targetEmail,
    entry.ip,
    entry.userAgent,
    entry.detail,
    entry.createdAt.toISOString(),
    entry.prevHash,
  ]);
}

export function entryHash(entry: AuditFields): string {
  return crypto.createHash("sha256").update(canonicalForm(entry)).digest("hex");
}

// Detail objects are stored as canonical JSON text (sorted keys) so the hash never depends on how a
// database returns JSON.
export function canonicalDetail(detail: Record<string, string | number | boolean | null>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(detail).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export type ChainBreak = { seq: number; problem: "gap" | "prev_hash" | "hash" };

// Walks entries in seq order (starting at 1); the first row that does not fit, or null when all do.
export function firstBreak(entries: Iterable<AuditFields & { hash: string }>, start = { seq: 0, hash: GENESIS_HASH }): ChainBreak | null {
  let previous = start;
  for (const entry of entries) {
    if (entry.seq !== previous.seq + 1) return { seq: entry.seq, problem: "gap" };
    if (entry.prevHash !== previous.hash) return { seq: entry.seq, problem: "prev_hash" };
    if (entryHash(entry) !== entry.hash) return { seq: entry.seq, problem: "hash" };
    previous = { seq: entry.seq, hash: entry.hash };
  }
  return null;
}
