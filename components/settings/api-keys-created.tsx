"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ApiKeyView } from "@/lib/api-keys/constants";

type Props = { apiKey: ApiKeyView; secret: string; baseUrl: string; onDone: () => void };

// The one time the full key is on screen. It lives only in this component's state: a reload,
// "Done" or leaving the page drops it for good.
export function ApiKeyCreated({ apiKey, secret, baseUrl, onDone }: Props) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section aria-labelledby="new-key-heading" className="space-y-3 rounded-lg border border-amber-500/50 bg-amber-500/10 p-4">
      <h3 id="new-key-heading" ref={headingRef} tabIndex={-1} className="text-sm font-semibold outline-none">
        Your new key “{apiKey.name}”
      </h3>
      <p className="text-sm">
        <strong>Copy it now: it will not be shown again.</strong> Keyline keeps only a hash of it. If you lose it, revoke it and
        create a new one.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-api-key" className="sr-only">
          New API key
        </label>
        <input
          id="new-api-key"
          readOnly
          value={secret}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className="h-10 w-full min-w-0 rounded-md border border-border bg-background px-3 font-mono text-sm"
        />
        <Button onClick={copy} variant="outline" className="shrink-0">
          {copied === "copied" ? "Copied" : "Copy key"}
        </Button>
      </div>
      <p role="status" className="text-sm text-muted-foreground">
        {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Copying failed: select the key and copy it yourself." : ""}
      </p>
      <p className="text-sm text-muted-foreground">
        Use it with any OpenAI SDK: base URL <code className="font-mono text-foreground">{baseUrl}</code>, the key as the API key.
      </p>
      <Button size="sm" onClick={onDone}>
        Done, I have copied it
      </Button>
    </section>
  );
}
