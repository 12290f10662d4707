"use client";

import { JsButton } from "@/components/ui/js-button";
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  WebAuthnAbortService,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { KeyRound } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { describePasskeyError, PasskeyRequestError, postJson } from "@/lib/passkeys/client";

type Mode = "autofill" | "button";

// An autofill request that ends this long after it started ended on its own (the browser's timeout),
// not because something refuses it outright: offering it again cannot turn into a loop.
const QUIET_RESTART_AFTER_MS = 10_000;

// "Sign in with a passkey" (discoverable credentials, no email typed) and passkey autofill on the email
// field (conditional UI), both ending in the same server-side session as every other sign-in.
export function PasskeySignIn({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [supported, setSupported] = useState(true);
  const mounted = useRef(true);
  const autofill = useRef(false);

  const run = useCallback(
    async (mode: Mode): Promise<void> => {
      const startedAt = Date.now();
      let timeoutMs: number | undefined;
      if (mode === "button") {
        setPending(true);
        setError(null);
      }
      try {
        const optionsJSON = await postJson<PublicKeyCredentialRequestOptionsJSON>("/api/passkeys/authenticate/options");
        timeoutMs = optionsJSON.timeout;
        const response = await startAuthentication({ optionsJSON, useBrowserAutofill: mode === "autofill" });
        setPending(true);
        setError(null);
        const { redirectTo } = await postJson<{ redirectTo: string }>("/api/passkeys/authenticate/verify", { response, callbackUrl });
        window.location.assign(redirectTo);
      } catch (caught) {
        if (!mounted.current) return;
        const message = describePasskeyError(caught, { ceremony: "sign-in", startedAt, timeoutMs });
        if (message === null) return; // our own code cancelled it: another ceremony took over
        setPending(false);
        if (mode === "autofill" && !(caught instanceof PasskeyRequestError)) {
          // Nobody picked a passkey from the email field; that is not an error to show.
          if (Date.now() - startedAt > QUIET_RESTART_AFTER_MS) void run("autofill");
          return;
        }
        setError(message);
        // The button's prompt replaced the autofill request; offer autofill again for the next try.
        if (mode === "button" && autofill.current) void run("autofill");
      }
    },
    [callbackUrl],
  );

  useEffect(() => {
    mounted.current = true;
    setSupported(browserSupportsWebAuthn());
    void browserSupportsWebAuthnAutofill().then((available) => {
      autofill.current = available && Boolean(document.querySelector("input[autocomplete$='webauthn']"));
      if (autofill.current && mounted.current) void run("autofill");
    });
    return () => {
      mounted.current = false;
      WebAuthnAbortService.cancelCeremony();
    };
  }, [run]);

  if (!supported) return null;
  return (
    <div className="group space-y-3">
      <div className="flex items-center gap-3 text-xs uppercase text-muted-foreground group-first:hidden" aria-hidden="true">
        <span className="h-px flex-1 bg-border" />
        or
        <span className="h-px flex-1 bg-border" />
      </div>
      <JsButton type="button" variant="outline" className="w-full" disabled={pending} onClick={() => void run("button")}>
        <KeyRound aria-hidden="true" className="h-4 w-4" />
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </JsButton>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
