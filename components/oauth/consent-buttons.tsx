"use client";

import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/http/action-result";

// Allow / Deny. The answer is where to send the browser next (the authorization server, which then
// redirects to the app): a full page load, because Next's client router would fetch that URL itself
// first and spend the one-time interaction.
export function ConsentButtons({ uid, answer }: { uid: string; answer: FormAction<{ returnTo: string }> }) {
  const [state, formAction, pending] = useActionState(answer, null);
  const hydrated = useHydrated();
  const returnTo = state?.ok ? state.data.returnTo : null;
  useEffect(() => {
    if (returnTo) window.location.assign(returnTo);
  }, [returnTo]);
  const busy = pending || Boolean(returnTo) || !hydrated;
  return (
    <form action={formAction} className="mt-6 flex flex-wrap items-center gap-3">
      <input type="hidden" name="uid" value={uid} />
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
