"use client";

import { JsButton } from "@/components/ui/js-button";
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { describePasskeyError, PasskeyRequestError, postJson } from "@/lib/passkeys/client";
import { PasskeysReauthAlert } from "./passkeys-reauth-alert";

type Outcome = { kind: "added"; name: string } | { kind: "error"; message: string; needsReauth: boolean } | null;

export function PasskeysAddButton({ reauthUrl }: { reauthUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function add() {
    const startedAt = Date.now();
    let timeoutMs: number | undefined;
    setPending(true);
    setOutcome(null);
    try {
      const optionsJSON = await postJson<PublicKeyCredentialCreationOptionsJSON>("/api/passkeys/register/options");
      timeoutMs = optionsJSON.timeout;
      const response = await startRegistration({ optionsJSON });
      const { passkey } = await postJson<{ passkey: { name: string } }>("/api/passkeys/register/verify", { response });
      // In one transition, so the confirmation appears together with the refreshed list.
      startRefresh(() => {
        router.refresh();
        setOutcome({ kind: "added", name: passkey.name });
      });
    } catch (caught) {
      const message = describePasskeyError(caught, { ceremony: "registration", startedAt, timeoutMs });
      const needsReauth = caught instanceof PasskeyRequestError && caught.code === "forbidden:reauthenticate";
      if (message) setOutcome({ kind: "error", message, needsReauth });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <JsButton type="button" variant="outline" onClick={() => void add()} disabled={pending || refreshing}>
        <Plus aria-hidden="true" className="h-4 w-4" />
        {pending ? "Follow your device's prompt…" : "Add a passkey"}
      </JsButton>
      {outcome?.kind === "added" ? (
        <Alert tone="info">Passkey “{outcome.name}” added. You can now sign in with it.</Alert>
      ) : null}
      {outcome?.kind === "error" ? (
        <PasskeysReauthAlert message={outcome.message} reauthUrl={reauthUrl} needsReauth={outcome.needsReauth} />
      ) : null}
    </div>
  );
}
