"use client";

import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FormAction } from "@/lib/http/action-result";
import type { PasskeyListItem } from "@/lib/validations/passkeys";

type Props = { passkey: PasskeyListItem; action: FormAction; onDone: () => void };

export function PasskeysRenameForm({ passkey, action, onDone }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? (state.fieldErrors?.name?.[0] ?? state.message) : null;
  const inputId = `passkey-name-${passkey.id}`;

  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);

  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={passkey.id} />
      <Label htmlFor={inputId}>Passkey name</Label>
      <div className="flex flex-wrap gap-2">
        <Input
          id={inputId}
          name="name"
          defaultValue={passkey.name}
          maxLength={60}
          required
          autoFocus
          className="min-w-0 flex-1 basis-full sm:basis-0"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        <Button type="submit" size="default" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <Button variant="outline" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}
