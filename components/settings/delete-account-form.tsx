"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FormState } from "@/lib/validations/form-state";

export function DeleteAccountForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
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
          {error.message}{" "}
          {error.reauthenticateUrl ? (
            <Link href={error.reauthenticateUrl} className="font-medium underline underline-offset-4">
              Sign in again
            </Link>
          ) : null}
        </p>
      ) : null}
      <Button type="submit" variant="destructive" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
