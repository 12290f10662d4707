"use client";

// Any page that fails on the server lands here: a plain message and a retry, never the error itself
// (Next sends only a digest to the browser; the details are in the server's log under the same digest).
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-muted-foreground">
        Keyline could not load this page. This is usually brief (for example while the database restarts): wait a few seconds
        and try again.
      </p>
      {error.digest ? <p className="text-xs text-muted-foreground">Reference: {error.digest}</p> : null}
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
