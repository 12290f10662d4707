"use client";

import { useActionState, useState } from "react";
import { ConsentButtons } from "@/components/oauth/consent-buttons";
import { ConsentCard } from "@/components/oauth/consent-card";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/http/action-result";
import type { DeviceView } from "@/lib/oauth/device";

type Found = DeviceView & { scopeWords: { scope: string; words: string }[] };

type Props = {
  account: string;
  initialCode: string;
  lookup: FormAction<Found>;
  answer: FormAction<{ allowed: boolean }>;
};

// Type the code → see who asks for what (the consent screen) → Allow or Deny → back to the device.
export function DeviceFlow({ account, initialCode, lookup, answer }: Props) {
  const [found, lookupAction, lookingUp] = useActionState(lookup, null);
  const [answered, setAnswered] = useState<{ allowed: boolean } | null>(null);
  const hydrated = useHydrated();

  if (answered) {
    return (
      <Card>
        <CardTitle>{answered.allowed ? "Device connected" : "Access denied"}</CardTitle>
        <CardDescription>
          {answered.allowed
            ? "You can close this page and return to your device. You can disconnect it at any time in Settings → Security → Connected apps."
            : "The device was not connected. You can close this page."}
        </CardDescription>
      </Card>
    );
  }

  if (found?.ok) {
    const view = found.data;
    return (
      <ConsentCard view={{ ...view, loopbackRedirect: false }} scopes={view.scopeWords} account={account}>
        <p className="mt-4 text-sm">
          Only continue if you started this sign-in yourself and this code is the one your device shows right now. If someone sent you this link
          or code, choose Deny: allowing it would give them access to your account.
        </p>
        <ConsentButtons field={{ name: "userCode", value: view.userCode }} answer={answer} onAnswered={setAnswered} />
      </ConsentCard>
    );
  }

  return (
    <Card>
      <CardTitle>Connect a device</CardTitle>
      <CardDescription>Enter the code shown by the app or device you are connecting to your Keyline account ({account}).</CardDescription>
      <form action={lookupAction} className="mt-6 space-y-3">
        <Label htmlFor="user-code">Code</Label>
        <Input
          id="user-code"
          name="userCode"
          defaultValue={found && !found.ok ? undefined : initialCode}
          placeholder="BCDF-GHJK"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="font-mono uppercase tracking-widest"
          aria-invalid={found && !found.ok ? true : undefined}
          aria-describedby={found && !found.ok ? "user-code-error" : undefined}
          required
        />
        {found && !found.ok ? (
          <p id="user-code-error" role="alert" className="text-sm text-destructive">
            {found.message}
          </p>
        ) : null}
        <Button type="submit" disabled={lookingUp || !hydrated}>
          Continue
        </Button>
      </form>
    </Card>
  );
}
