"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { JsButton } from "@/components/ui/js-button";
import { AdminFailureAlert, type AdminFailure } from "./admin-failure";

type Props = { userId: string; stored: string | null; defaultDescription: string | null; reauthenticateUrl: string };
type Choice = "default" | "own" | "exempt";

// A user's own token budget through the App API (PATCH /api/admin/users/{id} with tokenBudget), which checks
// the admin, a recent sign-in and the format itself.
export function BudgetForm({ userId, stored, defaultDescription, reauthenticateUrl }: Props) {
  const router = useRouter();
  const initial: Choice = stored === null ? "default" : stored === "exempt" ? "exempt" : "own";
  const [choice, setChoice] = useState<Choice>(initial);
  const [own, setOwn] = useState(initial === "own" && stored ? stored : "");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AdminFailure | null>(null);

  async function save() {
    setBusy(true);
    setFailure(null);
    const tokenBudget = choice === "default" ? null : choice === "exempt" ? "exempt" : own.trim();
    try {
      const response = await fetch(`/api/admin/users/${encodeURIComponent(userId)}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tokenBudget }),
      });
      if (!response.ok) {
        const data = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; fieldErrors?: Record<string, string[]> } } | null;
        // The field's own sentence reads better here than the API's "Invalid tokenBudget: …".
        const message = data?.error?.fieldErrors?.tokenBudget?.[0] ?? data?.error?.message ?? "That did not work. Please try again.";
        setFailure({ message, reauthenticate: data?.error?.code === "forbidden:reauthenticate" });
        return;
      }
      router.refresh();
    } catch {
      setFailure({ message: "Could not reach Keyline. Check your connection and try again.", reauthenticate: false });
    } finally {
      setBusy(false);
    }
  }

  const radio = "flex items-center gap-2 text-sm";
  return (
    <form
      className="space-y-3"
      aria-label="Token budget"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <AdminFailureAlert failure={failure} reauthenticateUrl={reauthenticateUrl} />
      <fieldset className="space-y-2">
        <legend className="sr-only">Token budget</legend>
        <label className={radio}>
          <input type="radio" name="budget" checked={choice === "default"} onChange={() => setChoice("default")} />
          The default ({defaultDescription ?? "no budget: BUDGET_TOKENS is not set"})
        </label>
        <label className={radio}>
          <input type="radio" name="budget" checked={choice === "own"} onChange={() => setChoice("own")} />
          Their own budget
        </label>
        {choice === "own" ? (
          <label className="ml-6 flex max-w-xs flex-col gap-1 text-sm">
            <span className="text-muted-foreground">Tokens per window, e.g. 500000/1d</span>
            <input value={own} onChange={(event) => setOwn(event.target.value)} required maxLength={40} pattern="\d+/\d+[smhd]" className="h-9 rounded-md border border-border bg-background px-2" />
          </label>
        ) : null}
        <label className={radio}>
          <input type="radio" name="budget" checked={choice === "exempt"} onChange={() => setChoice("exempt")} />
          Exempt (no budget)
        </label>
      </fieldset>
      <JsButton type="submit" size="sm" disabled={busy}>
        Save budget
      </JsButton>
    </form>
  );
}
