import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { maskedKey, type ApiKeyView } from "@/lib/api-keys/constants";
import { ApiKeyRevokeButton } from "./api-keys-revoke-button";
import { ApiKeyUsageChart } from "./api-keys-usage-chart";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const count = new Intl.NumberFormat("en");

const STATUS_STYLE: Record<ApiKeyView["status"], string> = {
  active: "border-emerald-600/40 bg-emerald-600/10 text-emerald-700 dark:text-emerald-300",
  expired: "border-amber-600/40 bg-amber-600/10 text-amber-700 dark:text-amber-300",
  revoked: "border-border bg-muted text-muted-foreground",
};
const STATUS_LABEL: Record<ApiKeyView["status"], string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

function Field({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("min-w-0", className)}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

export function ApiKeysList({ keys, now }: { keys: ApiKeyView[]; now: Date }) {
  if (keys.length === 0) {
    return <p className="text-sm text-muted-foreground">No API keys yet. Create one above to call Keyline from your own code.</p>;
  }
  return (
    <ul aria-label="API keys" className="divide-y divide-border">
      {keys.map((key) => (
        <li key={key.id} aria-label={key.name} className="space-y-3 py-4 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex min-w-0 flex-wrap items-center gap-2">
              <h3 className="truncate font-medium">{key.name}</h3>
              <span className={cn("rounded-full border px-2 py-0.5 text-xs font-medium", STATUS_STYLE[key.status])}>
                {STATUS_LABEL[key.status]}
              </span>
            </div>
            {key.status === "active" ? <ApiKeyRevokeButton id={key.id} name={key.name} /> : null}
          </div>
          <code className="block font-mono text-sm text-muted-foreground">
            {maskedKey(key)}
          </code>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <Field label="Scopes">{key.scopes.join(", ")}</Field>
            <Field label="Created">{dateTime.format(new Date(key.createdAt))} UTC</Field>
            <Field label="Last used">
              {key.lastUsedAt ? `${dateTime.format(new Date(key.lastUsedAt))} UTC${key.lastUsedIp ? ` from ${key.lastUsedIp}` : ""}` : "Never"}
            </Field>
            <Field label={key.status === "revoked" ? "Revoked" : key.status === "expired" ? "Expired" : "Expires"}>
              {key.revokedAt ? date.format(new Date(key.revokedAt)) : key.expiresAt ? date.format(new Date(key.expiresAt)) : "Never"}
            </Field>
            <Field label="Usage, last 30 days" className="sm:col-span-2">
              <span data-testid="key-usage">
                {count.format(key.usage.requests)} {key.usage.requests === 1 ? "request" : "requests"} ·{" "}
                {count.format(key.usage.inputTokens)} tokens in · {count.format(key.usage.outputTokens)} tokens out
              </span>
            </Field>
          </dl>
          <ApiKeyUsageChart days={key.usage.days} now={now} />
        </li>
      ))}
    </ul>
  );
}
