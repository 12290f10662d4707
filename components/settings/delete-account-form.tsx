"use client";

import { useActionState } from "react";
import { ReauthLink } from "@/components/auth/reauth-link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FormAction } from "@/lib/http/action-result";

export function DeleteAccountForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-3">
      <div className="space-y-1.5">
        <Label htmlFor="confirmation">Type DELETE to confirm</Label>
        <Input id="confirmation" name="confirmation" autoComplete="off" className="max-w-xs" aria-invalid={error ? true : undefined} aria-describedby={error ? "delete-error" : undefined} />
      </div>
      {error ? (
        <p id="delete-error" role="alert" className="text-sm text-destructive">
          {error.message}
          {error.reauthenticateUrl ? <ReauthLink href={error.reauthenticateUrl} /> : null}
        </p>
      ) : null}
      <Button type="submit" variant="destructive" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
