"use client";

import { JsButton } from "@/components/ui/js-button";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// Revoking asks first, in a modal dialog that names the key.
export function ApiKeyRevokeButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = `revoke-${id}-title`;

  async function revoke() {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/keys/${encodeURIComponent(id)}`, { method: "DELETE" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? "Could not revoke the key. Please try again.");
        return;
      }
      dialogRef.current?.close();
      router.refresh();
    } catch {
      setError("Could not reach Keyline. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <JsButton variant="outline" size="sm" onClick={() => dialogRef.current?.showModal()} aria-label={`Revoke ${name}`}>
        Revoke
      </JsButton>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-border bg-card p-5 text-foreground shadow-lg backdrop:bg-black/50"
      >
        <h3 id={titleId} className="text-base font-semibold">
          Revoke “{name}”?
        </h3>
        <p className="mt-2 text-sm text-muted-foreground">
          Anything using this key stops working on its next request. This cannot be undone.
        </p>
        {error ? <Alert className="mt-3">{error}</Alert> : null}
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="outline" onClick={() => dialogRef.current?.close()} disabled={pending}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={revoke} disabled={pending}>
            {pending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </dialog>
    </>
  );
}
