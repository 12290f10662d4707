"use client";

import { useActionState, type ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { FormAction } from "@/lib/http/action-result";

type Props = {
  action: FormAction;
  label: string;
  pendingLabel?: string;
  hidden?: Record<string, string>;
  confirm?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  accessibleName?: string;
  children?: ReactNode;
};

// A one-button form for a server action, with its pending state, an optional confirmation,
// and the action's message shown next to it.
export function ActionForm({ action, label, pendingLabel, hidden, confirm, variant = "outline", size = "sm", accessibleName, children }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" variant={variant} size={size} disabled={pending} aria-label={accessibleName}>
        {pending ? (pendingLabel ?? label) : label}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-destructive">
          {state.message}
        </p>
      ) : null}
      {state?.ok && state.message ? (
        <p role="status" className="text-sm text-muted-foreground">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
