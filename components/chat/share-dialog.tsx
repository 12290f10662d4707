"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SHARE_EXPIRY_CHOICES, SHARE_EXPIRY_DEFAULT_DAYS } from "@/lib/validations/shares";
import { CopyButton } from "./copy-button";

type Props = { thread: { id: string; title: string } | null; onClose: () => void };
type Created = { url: string; expiresAt: string | null; messageCount: number };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

// "Share…" from a thread's menu: choose how long the link lives and what it shows, then copy it. The link
// is a snapshot: what the thread holds now, never what comes later.
export function ShareDialog({ thread, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [expiry, setExpiry] = useState(String(SHARE_EXPIRY_DEFAULT_DAYS));
  const [showOwnerName, setShowOwnerName] = useState(false);
  const [includeUnfinished, setIncludeUnfinished] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (thread && !element.open) {
      setExpiry(String(SHARE_EXPIRY_DEFAULT_DAYS));
      setShowOwnerName(false);
      setIncludeUnfinished(false);
      setError(null);
      setCreated(null);
      element.showModal();
    }
    if (!thread && element.open) element.close();
  }, [thread]);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!thread) return;
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/threads/${encodeURIComponent(thread.id)}/shares`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ expiresInDays: expiry === "never" ? null : Number(expiry), showOwnerName, includeUnfinished }),
      });
      const body = (await response.json().catch(() => null)) as { share?: Created; error?: { message?: string } } | null;
      if (!response.ok || !body?.share) return setError(body?.error?.message ?? "Could not create the link. Please try again.");
      setCreated(body.share);
    } catch {
      setError("Could not reach Keyline. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="share-title"
      onCancel={(event) => (event.preventDefault(), onClose())}
      onClick={(event) => event.target === dialog.current && onClose()}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl border border-border bg-card p-0 text-foreground shadow-xl backdrop:bg-black/40"
    >
      <div className="p-5">
        <h2 id="share-title" className="text-base font-semibold">
          Share “{thread?.title}”
        </h2>
        {created ? (
          <div className="mt-3 space-y-3 text-sm">
            <p className="text-muted-foreground">
              Anyone with this link can read the {created.messageCount} {created.messageCount === 1 ? "message" : "messages"} this chat holds now
              {created.expiresAt ? `, until ${dateFormat.format(new Date(created.expiresAt))}` : ""}. Later messages stay private.
            </p>
            <div className="flex items-center gap-2">
              <input
                readOnly
                aria-label="Share link"
                value={created.url}
                onFocus={(event) => event.target.select()}
                className="min-w-0 flex-1 rounded-md border border-border bg-background px-2.5 py-1.5 font-mono text-xs"
              />
              <CopyButton text={created.url} label="Copy link" className="size-8 shrink-0 border border-border" />
            </div>
            <p className="text-muted-foreground">
              Revoke it any time in{" "}
              <Link href="/settings/shares" className="underline underline-offset-2">
                Settings → Shared links
              </Link>
              .
            </p>
            <div className="flex justify-end">
              <Button size="sm" onClick={onClose} autoFocus>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form onSubmit={create} className="mt-3 space-y-3 text-sm">
            <p className="text-muted-foreground">The link shows a snapshot of the chat as it is now. Nobody can write to it.</p>
            <label className="flex items-center justify-between gap-3">
              <span>Link expires after</span>
              <select
                value={expiry}
                onChange={(event) => setExpiry(event.target.value)}
                className="rounded-md border border-border bg-background px-2 py-1.5"
              >
                {SHARE_EXPIRY_CHOICES.map((choice) => (
                  <option key={choice.label} value={choice.days === null ? "never" : String(choice.days)}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-start gap-2">
              <input type="checkbox" checked={showOwnerName} onChange={(event) => setShowOwnerName(event.target.checked)} className="mt-0.5" />
              <span>Show my name on the page (as the header shows it)</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="checkbox" checked={includeUnfinished} onChange={(event) => setIncludeUnfinished(event.target.checked)} className="mt-0.5" />
              <span>Include stopped and failed replies</span>
            </label>
            {error && (
              <p role="alert" className="text-destructive">
                {error}
              </p>
            )}
            <div className="flex justify-end gap-2 pt-1">
              <Button variant="outline" size="sm" onClick={onClose} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" size="sm" disabled={pending}>
                {pending ? "Creating…" : "Create link"}
              </Button>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}
