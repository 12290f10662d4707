"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/chat/confirm-dialog";
import { Button } from "@/components/ui/button";
import { JsButton } from "@/components/ui/js-button";
import { cn } from "@/lib/cn";
import type { ShareView } from "@/lib/validations/shares";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

type Pending = { kind: "one"; share: ShareView } | { kind: "all" } | null;

async function errorMessage(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? fallback;
}

// The owner's live links: each with its chat, dates and views; revoke one or all (through the App API).
export function SharesList({ initial }: { initial: { shares: ShareView[]; nextCursor: string | null } }) {
  const [shares, setShares] = useState(initial.shares);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [confirming, setConfirming] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor) return;
    setBusy(true);
    try {
      const response = await fetch(`/api/shares?${new URLSearchParams({ cursor })}`);
      if (!response.ok) return setError(await errorMessage(response, "Could not load more links."));
      const page = (await response.json()) as { shares: ShareView[]; nextCursor: string | null };
      setShares((current) => [...current, ...page.shares.filter((share) => !current.some((known) => known.id === share.id))]);
      setCursor(page.nextCursor);
    } catch {
      setError("Could not reach Keyline. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    if (!confirming) return;
    setBusy(true);
    setError(null);
    try {
      const url = confirming.kind === "all" ? "/api/shares" : `/api/shares/${encodeURIComponent(confirming.share.id)}`;
      const response = await fetch(url, { method: "DELETE" });
      if (!response.ok) return setError(await errorMessage(response, "Could not revoke. Please try again."));
      if (confirming.kind === "all") {
        setShares([]);
        setCursor(null);
      } else {
        const id = confirming.share.id;
        setShares((current) => current.filter((share) => share.id !== id));
      }
      setConfirming(null);
    } catch {
      setError("Could not reach Keyline. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  if (shares.length === 0) {
    return <p className="text-sm text-muted-foreground">No shared links. Share a chat from its menu in the sidebar (“Share…”).</p>;
  }
  return (
    <>
      <ul aria-label="Shared links" className="divide-y divide-border">
        {shares.map((share) => (
          <li key={share.id} aria-label={share.title} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/chat/${share.threadId}`} className="truncate font-medium hover:underline">
                  {share.title}
                </Link>
                <span
                  className={cn(
                    "rounded-full border px-2 py-0.5 text-xs font-medium",
                    share.status === "active"
                      ? "border-emerald-600/40 bg-emerald-600/10 text-emerald-700 dark:text-emerald-300"
                      : "border-amber-600/40 bg-amber-600/10 text-amber-700 dark:text-amber-300",
                  )}
                >
                  {share.status === "active" ? "Active" : "Expired"}
                </span>
              </div>
              <p className="mt-1 text-sm text-muted-foreground" data-testid="share-details">
                Created {dateTime.format(new Date(share.createdAt))} UTC · {share.expiresAt ? `${share.status === "expired" ? "Expired" : "Expires"} ${date.format(new Date(share.expiresAt))}` : "Never expires"} ·{" "}
                {share.views} {share.views === 1 ? "view" : "views"} · {share.messageCount} {share.messageCount === 1 ? "message" : "messages"}
                {share.showOwnerName ? " · shows your name" : ""}
              </p>
            </div>
            <JsButton variant="outline" size="sm" aria-label={`Revoke link to ${share.title}`} onClick={() => (setError(null), setConfirming({ kind: "one", share }))}>
              Revoke
            </JsButton>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap justify-between gap-2 border-t border-border pt-4">
        {cursor ? (
          <Button variant="ghost" size="sm" onClick={() => void loadMore()} disabled={busy}>
            Show more links
          </Button>
        ) : (
          <span />
        )}
        <JsButton variant="destructive" size="sm" onClick={() => (setError(null), setConfirming({ kind: "all" }))}>
          Revoke all links
        </JsButton>
      </div>
      {error && !confirming ? (
        <p role="alert" className="mt-3 text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming?.kind === "all" ? "Revoke all shared links?" : "Revoke this link?"}
        confirmLabel={confirming?.kind === "all" ? "Revoke all" : "Revoke link"}
        busy={busy}
        error={error}
        onConfirm={() => void revoke()}
        onCancel={() => setConfirming(null)}
      >
        {confirming?.kind === "all"
          ? "Every link to your chats stops working at once. Your chats stay as they are."
          : `The link to “${confirming?.kind === "one" ? confirming.share.title : ""}” stops working at once. The chat stays as it is.`}
      </ConfirmDialog>
    </>
  );
}
