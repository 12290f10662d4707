"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SettingsSection } from "@/components/settings/settings-section";
import { JsButton } from "@/components/ui/js-button";
import { Time } from "@/components/ui/time";
import { cn } from "@/lib/cn";
import { adminFetch, type AdminFailure } from "./admin-fetch";
import { RoleBadge } from "./user-badges";
import { AdminFailureAlert } from "./admin-failure";
import { NextPageLink } from "@/components/ui/next-page-link";

export type InvitationView = {
  id: string;
  email: string;
  role: string;
  status: "pending" | "used" | "expired" | "revoked";
  invitedByEmail: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedById: string | null;
  revokedAt: Date | null;
};

const STATUS_STYLE: Record<InvitationView["status"], string> = {
  pending: "border-amber-600/40 text-amber-700 dark:text-amber-400",
  used: "border-emerald-600/40 text-emerald-700 dark:text-emerald-400",
  expired: "border-border text-muted-foreground",
  revoked: "border-red-600/40 text-red-700 dark:text-red-400",
};

const fieldClass = "h-9 rounded-md border border-border bg-background px-2 text-sm";

function When({ invitation }: { invitation: InvitationView }) {
  if (invitation.usedAt) return <>accepted <Time value={invitation.usedAt} /></>;
  if (invitation.revokedAt) return <>revoked <Time value={invitation.revokedAt} /></>;
  return <>{invitation.status === "expired" ? "expired" : "expires"} <Time value={invitation.expiresAt} /></>;
}

// Inviting and revoking are calls to the App API (/api/admin/invitations), which checks the admin, a recent
// sign-in and the rules itself; the page then reloads its list.
export function InvitationsPanel({ invitations, nextPageHref, reauthenticateUrl }: { invitations: InvitationView[]; nextPageHref: string | null; reauthenticateUrl: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("member");

  async function run(path: string, method: "POST" | "DELETE", body?: unknown, onDone?: () => void) {
    setBusy(true);
    setFailure(null);
    setSent(null);
    const failed = await adminFetch(path, method, body);
    setBusy(false);
    if (failed) return setFailure(failed);
    onDone?.();
    router.refresh();
  }

  return (
    <>
      <SettingsSection id="invite" title="Invite someone" description="They get a link by email that works once and expires in 7 days. They sign in with this address, and their account is active at once.">
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            const invited = email.trim();
            void run("/api/admin/invitations", "POST", { email: invited, role }, () => {
              setSent(invited);
              setEmail("");
            });
          }}
        >
          <label className="flex flex-1 flex-col gap-1 text-sm">
            <span className="text-muted-foreground">Email address</span>
            <input type="email" required maxLength={254} value={email} onChange={(event) => setEmail(event.target.value)} className={fieldClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-muted-foreground">Role</span>
            <select value={role} onChange={(event) => setRole(event.target.value)} className={fieldClass}>
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </select>
          </label>
          <JsButton type="submit" size="sm" className="h-9" disabled={busy || email.trim() === ""}>
            Send invitation
          </JsButton>
        </form>
        <div className="mt-3 space-y-2" aria-live="polite">
          {sent ? <p className="text-sm text-emerald-700 dark:text-emerald-400">Invitation sent to {sent}.</p> : null}
          <AdminFailureAlert failure={failure} reauthenticateUrl={reauthenticateUrl} />
        </div>
      </SettingsSection>
      <SettingsSection id="invitations" title="Invitations" description="Newest first: who invited whom, as what, and where each stands.">
        {invitations.length === 0 ? (
          <p className="text-sm text-muted-foreground">No invitations yet.</p>
        ) : (
          <ul className="divide-y divide-border text-sm" aria-label="Invitations">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="invitation">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    {invitation.usedById ? (
                      <Link href={`/admin/users/${invitation.usedById}`} className="truncate font-medium underline-offset-4 hover:underline">
                        {invitation.email}
                      </Link>
                    ) : (
                      <span className="truncate font-medium">{invitation.email}</span>
                    )}
                    <span className={cn("rounded-full border px-2 py-0.5 text-xs font-medium", STATUS_STYLE[invitation.status])}>{invitation.status}</span>
                    <RoleBadge role={invitation.role} />
                  </div>
                  <p className="text-muted-foreground">
                    by {invitation.invitedByEmail ?? "a deleted admin"} · sent <Time value={invitation.createdAt} /> · <When invitation={invitation} />
                  </p>
                </div>
                {invitation.status === "pending" ? (
                  <JsButton size="sm" variant="outline" disabled={busy} onClick={() => void run(`/api/admin/invitations/${encodeURIComponent(invitation.id)}`, "DELETE")} aria-label={`Revoke the invitation of ${invitation.email}`}>
                    Revoke
                  </JsButton>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <NextPageLink href={nextPageHref} />
      </SettingsSection>
    </>
  );
}
