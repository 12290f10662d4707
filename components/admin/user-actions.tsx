"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { JsButton } from "@/components/ui/js-button";
import { AdminFailureAlert } from "./admin-failure";

type Props = { userId: string; label: string; role: string; status: string; isSelf: boolean; reauthenticateUrl: string };
type Failure = { message: string; reauthenticate: boolean };

// Each action is a call to the App API (/api/admin/users/…), which checks the admin, a recent sign-in and
// the last-admin rules itself; the page reloads its data afterwards.
export function UserActions({ userId, label, role, status, isSelf, reauthenticateUrl }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [reason, setReason] = useState("");
  const base = `/api/admin/users/${encodeURIComponent(userId)}`;

  async function send(method: "PATCH" | "DELETE", path: string, body?: unknown, after?: () => void) {
    setBusy(true);
    setFailure(null);
    try {
      const response = await fetch(path, {
        method,
        headers: body ? { "content-type": "application/json" } : undefined,
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) {
        const data = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        setFailure({ message: data?.error?.message ?? "That did not work. Please try again.", reauthenticate: data?.error?.code === "forbidden:reauthenticate" });
        return;
      }
      if (after) after();
      else router.refresh();
    } catch {
      setFailure({ message: "Could not reach Keyline. Check your connection and try again.", reauthenticate: false });
    } finally {
      setBusy(false);
    }
  }

  const patch = (body: Record<string, string>) => send("PATCH", base, body);

  return (
    <div className="space-y-4">
      <AdminFailureAlert failure={failure} reauthenticateUrl={reauthenticateUrl} />
      <div className="flex flex-wrap gap-2">
        {status === "pending" ? (
          <JsButton size="sm" disabled={busy} onClick={() => patch({ status: "active" })}>
            Approve
          </JsButton>
        ) : null}
        {status === "suspended" ? (
          <JsButton size="sm" disabled={busy} onClick={() => patch({ status: "active" })}>
            Reactivate
          </JsButton>
        ) : null}
        {role === "admin" ? (
          <JsButton size="sm" variant="outline" disabled={busy} onClick={() => patch({ role: "member" })}>
            Remove admin
          </JsButton>
        ) : (
          <JsButton size="sm" variant="outline" disabled={busy} onClick={() => patch({ role: "admin" })}>
            Make admin
          </JsButton>
        )}
        <JsButton size="sm" variant="outline" disabled={busy} onClick={() => send("DELETE", `${base}/sessions`)}>
          Sign out everywhere
        </JsButton>
      </div>
      {status !== "suspended" && !isSelf ? (
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            void patch({ status: "suspended", reason });
          }}
        >
          <label className="flex flex-1 flex-col gap-1 text-sm">
            <span className="text-muted-foreground">Reason for suspending (the user sees it)</span>
            <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} required className="h-9 rounded-md border border-border bg-background px-2" />
          </label>
          <JsButton type="submit" size="sm" variant="destructive" disabled={busy || reason.trim() === ""}>
            Suspend
          </JsButton>
        </form>
      ) : null}
      {!isSelf ? (
        <JsButton
          size="sm"
          variant="destructive"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`Delete ${label} and all their data? This cannot be undone.`)) void send("DELETE", base, undefined, () => router.push("/admin"));
          }}
        >
          Delete user
        </JsButton>
      ) : null}
    </div>
  );
}
