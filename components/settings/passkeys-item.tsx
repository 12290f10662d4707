"use client";

import { JsButton } from "@/components/ui/js-button";
import { Cloud, KeyRound } from "lucide-react";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/lib/http/action-result";
import type { PasskeyListItem } from "@/lib/validations/passkeys";
import { PasskeysRenameForm } from "./passkeys-rename-form";
import { PasskeysReauthAlert } from "./passkeys-reauth-alert";

type Action = FormAction;
type Props = { passkey: PasskeyListItem; renameAction: Action; deleteAction: Action; reauthUrl: string };

// UTC keeps the server render and the browser's hydration identical.
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const formatDate = (iso: string) => dateFormat.format(new Date(iso));

export function PasskeysItem({ passkey, renameAction, deleteAction, reauthUrl }: Props) {
  const [mode, setMode] = useState<"view" | "rename" | "confirm-delete">("view");
  const [deleteState, deleteFormAction, deleting] = useActionState(deleteAction, null);
  const deleteError = deleteState && !deleteState.ok ? deleteState : null;

  return (
    <li className="space-y-3 p-4" aria-label={passkey.name}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-start gap-3">
          <KeyRound aria-hidden="true" className="mt-0.5 h-5 w-5 shrink-0 text-muted-foreground" />
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              <span className="break-all">{passkey.name}</span>
              {passkey.backedUp ? (
                <span className="inline-flex items-center gap-1 rounded-full bg-muted px-2 py-0.5 text-xs font-normal text-muted-foreground">
                  <Cloud aria-hidden="true" className="h-3 w-3" />
                  Synced
                </span>
              ) : null}
            </p>
            <p className="text-sm text-muted-foreground">
              Added {formatDate(passkey.createdAt)} · {passkey.lastUsedAt ? `Last used ${formatDate(passkey.lastUsedAt)}` : "Never used"}
            </p>
          </div>
        </div>
        {mode === "view" ? (
          <div className="flex gap-2">
            <JsButton size="sm" variant="ghost" aria-label={`Rename ${passkey.name}`} onClick={() => setMode("rename")}>
              Rename
            </JsButton>
            <JsButton size="sm" variant="ghost" aria-label={`Remove ${passkey.name}`} onClick={() => setMode("confirm-delete")}>
              Remove
            </JsButton>
          </div>
        ) : null}
      </div>
      {mode === "rename" ? <PasskeysRenameForm passkey={passkey} action={renameAction} onDone={() => setMode("view")} /> : null}
      {mode === "confirm-delete" ? (
        <form action={deleteFormAction} className="flex flex-wrap items-center gap-2 rounded-md bg-muted/60 p-3 text-sm">
          <input type="hidden" name="id" value={passkey.id} />
          <span className="flex-1">Remove “{passkey.name}”? You won&apos;t be able to sign in with it any more.</span>
          <Button type="submit" size="sm" variant="destructive" disabled={deleting}>
            {deleting ? "Removing…" : "Remove passkey"}
          </Button>
          <Button size="sm" variant="outline" onClick={() => setMode("view")}>
            Cancel
          </Button>
        </form>
      ) : null}
      {deleteError ? (
        <PasskeysReauthAlert message={deleteError.message} reauthUrl={reauthUrl} needsReauth={deleteError.code === "forbidden:reauthenticate"} />
      ) : null}
    </li>
  );
}
