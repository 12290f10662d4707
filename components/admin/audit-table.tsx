import Link from "next/link";
import { SettingsSection } from "@/components/settings/settings-section";
import { Time } from "@/components/ui/time";
import { NextPageLink } from "@/components/ui/next-page-link";

export type AuditRow = { seq: number; action: string; actorEmail: string | null; targetEmail: string | null; targetId: string | null; ip: string | null; detail: string; createdAt: Date };

function detailText(detail: string): string {
  try {
    return Object.entries(JSON.parse(detail) as Record<string, unknown>)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(", ");
  } catch {
    return detail;
  }
}

export function AuditTable({ entries, nextPageHref }: { entries: AuditRow[]; nextPageHref: string | null }) {
  return (
    <SettingsSection id="audit" title="Audit trail" description="Every admin action, newest first. Each entry carries the hash of the one before it (npm run audit:verify checks the chain).">
      <a href="/api/admin/audit?format=jsonl" download className="mb-4 inline-flex h-9 items-center rounded-md border border-border px-3 text-sm font-medium hover:bg-muted">
        Export as JSON Lines
      </a>
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing yet.</p>
      ) : (
        <ol className="divide-y divide-border text-sm" aria-label="Audit entries">
          {entries.map((entry) => (
            <li key={entry.seq} className="flex flex-col gap-0.5 py-2" data-testid="audit-entry">
              <span>
                <span className="font-mono text-xs text-muted-foreground">#{entry.seq}</span> <span className="font-medium">{entry.action}</span>
                {" · "}
                {entry.actorEmail ?? "system"} → {entry.targetId ? <Link href={`/admin/users/${entry.targetId}`} className="underline-offset-4 hover:underline">{entry.targetEmail ?? entry.targetId}</Link> : "—"}
              </span>
              <span className="text-muted-foreground">
                {detailText(entry.detail)} · {entry.ip ?? "unknown IP"} · <Time value={entry.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
      <NextPageLink href={nextPageHref} label="Older entries" />
    </SettingsSection>
  );
}
