"use client";

import { JsButton } from "@/components/ui/js-button";
import { type ReactNode, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-result";
import { ReauthLink } from "@/components/auth/reauth-link";

type Action = FormAction;

const REAUTH_CODE = "forbidden:reauthenticate";

function Result({ state, reauthUrl }: { state: ActionState; reauthUrl: string }) {
  if (!state) return null;
  if (state.ok) {
    return state.message ? (
      <p role="status" className="w-full text-sm text-muted-foreground">
        {state.message}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="w-full text-sm text-destructive">
      {state.message}
      {state.code === REAUTH_CODE ? (
        <ReauthLink href={reauthUrl} />
      ) : null}
    </p>
  );
}

export function LinkProviderForm(props: { action: Action; provider: string; providerName: string; reauthUrl: string; children: ReactNode }) {
  const [state, formAction, pending] = useActionState(props.action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="provider" value={props.provider} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {props.children}
        Link {props.providerName}
      </Button>
      <Result state={state} reauthUrl={props.reauthUrl} />
    </form>
  );
}

// Unlinking asks once more: it takes away a way to sign in.
export function UnlinkAccountForm(props: { action: Action; accountId: string; providerName: string; reauthUrl: string }) {
  const [state, formAction, pending] = useActionState(props.action, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={formAction} className="flex flex-wrap items-center justify-end gap-2" onSubmit={() => setConfirming(false)}>
      <input type="hidden" name="accountId" value={props.accountId} />
      {confirming ? (
        <>
          <Button type="submit" variant="destructive" size="sm" disabled={pending}>
            Yes, unlink {props.providerName}
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <JsButton type="button" variant="outline" size="sm" disabled={pending} onClick={() => setConfirming(true)}>
          Unlink {props.providerName}
        </JsButton>
      )}
      <Result state={state} reauthUrl={props.reauthUrl} />
    </form>
  );
}
