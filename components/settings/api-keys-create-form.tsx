"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ReauthLink } from "@/components/auth/reauth-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  API_KEY_NAME_MAX,
  API_KEY_SCOPES,
  DEFAULT_EXPIRY_DAYS,
  EXPIRY_CHOICES,
  SCOPE_INFO,
  type ApiKeyView,
} from "@/lib/api-keys/constants";
import { ApiKeyCreated } from "./api-keys-created";

type ApiError = { code: string; message: string; fieldErrors?: Record<string, string[]> };
type Created = { key: string; apiKey: ApiKeyView };

const REAUTH_CODE = "forbidden:reauthenticate";

export function ApiKeyCreateForm({ reauthenticateUrl, baseUrl }: { reauthenticateUrl: string; baseUrl: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/keys", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: String(data.get("name") ?? ""),
          scopes: data.getAll("scopes").map(String),
          expiresInDays: Number(data.get("expiresInDays")),
        }),
      });
      const body = (await response.json().catch(() => null)) as (Created & { error?: ApiError }) | null;
      if (!response.ok || !body || body.error) {
        setError(body?.error ?? { code: "internal:server", message: "Could not create the key. Please try again." });
        return;
      }
      setCreated(body);
      form.reset();
      router.refresh();
    } catch {
      setError({ code: "network", message: "Could not reach Keyline. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  const nameError = fieldError("name");
  const scopesError = fieldError("scopes");

  return (
    <div className="space-y-5">
      {created ? <ApiKeyCreated apiKey={created.apiKey} secret={created.key} baseUrl={baseUrl} onDone={() => setCreated(null)} /> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Create an API key">
        <div className="space-y-1.5">
          <Label htmlFor="api-key-name">Name</Label>
          <Input
            id="api-key-name"
            name="name"
            required
            maxLength={API_KEY_NAME_MAX}
            placeholder="e.g. laptop script"
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "api-key-name-error" : undefined}
          />
          {nameError ? (
            <p id="api-key-name-error" className="text-sm text-destructive">
              {nameError}
            </p>
          ) : null}
        </div>
        <fieldset className="space-y-2" aria-describedby={scopesError ? "api-key-scopes-error" : undefined}>
          <legend className="text-sm font-medium">Scopes</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={SCOPE_INFO[scope].defaultOn} className="mt-0.5 h-4 w-4" />
              <span>
                <code className="font-mono">{SCOPE_INFO[scope].label}</code>
                <span className="block text-muted-foreground">{SCOPE_INFO[scope].description}</span>
              </span>
            </label>
          ))}
          {scopesError ? (
            <p id="api-key-scopes-error" className="text-sm text-destructive">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <div className="space-y-1.5">
          <Label htmlFor="api-key-expiry">Expires after</Label>
          <select
            id="api-key-expiry"
            name="expiresInDays"
            defaultValue={DEFAULT_EXPIRY_DAYS}
            className="flex h-10 w-full max-w-xs rounded-md border border-border bg-background px-3 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            {EXPIRY_CHOICES.map((days) => (
              <option key={days} value={days}>
                {days === 365 ? "1 year" : `${days} days`}
              </option>
            ))}
          </select>
        </div>
        {error && !error.fieldErrors ? (
          <Alert>
            {error.message}
            {error.code === REAUTH_CODE ? (
              <ReauthLink href={reauthenticateUrl} />
            ) : null}
          </Alert>
        ) : null}
        <Button type="submit" disabled={pending || !hydrated}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
    </div>
  );
}
