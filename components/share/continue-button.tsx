"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { JsButton } from "@/components/ui/js-button";

// "Continue in my account": the server copies the snapshot into a new thread of the viewer's, then we go there.
export function ContinueButton({ token }: { token: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function copy() {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/share/${encodeURIComponent(token)}/copy`, { method: "POST" });
      const body = (await response.json().catch(() => null)) as { thread?: { id: string }; error?: { message?: string } } | null;
      if (!response.ok || !body?.thread) {
        setError(body?.error?.message ?? "Could not copy the chat. Please try again.");
        return;
      }
      router.push(`/chat/${body.thread.id}`);
    } catch {
      setError("Could not reach Keyline. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex items-center gap-3">
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <JsButton size="sm" onClick={copy} disabled={pending}>
        {pending ? "Copying…" : "Continue in my account"}
      </JsButton>
    </div>
  );
}
