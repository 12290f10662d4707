"use client";

import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/http/action-result";

type Props<T extends object> = {
  // What is being answered: a browser sign-in's interaction (uid) or the code a device shows (userCode).
  field: { name: "uid" | "userCode"; value: string };
  answer: FormAction<T>;
  // A device sign-in shows its own result here; without it the answer is a returnTo to go on to.
  onAnswered?: (data: T) => void;
};

// Allow / Deny, for browser and device sign-ins alike. A browser sign-in's answer is where to send the
// browser next (the authorization server, which then redirects to the app): a full page load, because
// Next's client router would fetch that URL itself first and spend the one-time interaction.
export function ConsentButtons<T extends object>({ field, answer, onAnswered }: Props<T>) {
  const [state, formAction, pending] = useActionState(answer, null);
  const hydrated = useHydrated();
  const answered = state?.ok ? state.data : null;
  useEffect(() => {
    if (!answered) return;
    if (onAnswered) onAnswered(answered);
    else if ("returnTo" in answered && typeof answered.returnTo === "string") window.location.assign(answered.returnTo);
  }, [answered, onAnswered]);
  const busy = pending || Boolean(answered) || !hydrated;
  return (
    <form action={formAction} className="mt-6 flex flex-wrap items-center gap-3">
      <input type="hidden" name={field.name} value={field.value} />
      <Button type="submit" name="decision" value="allow" disabled={busy}>
        Allow
      </Button>
      <Button type="submit" name="decision" value="deny" variant="outline" disabled={busy}>
        Deny
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm text-destructive">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
