"use client";

import { ImageIcon } from "lucide-react";
import { useState } from "react";
import { hostOf, safeImageSrc } from "@/lib/chat/safe-url";

// Images in replies are never fetched on their own: a Markdown image is how an injected prompt sends
// chat content to another server. The person sees where it points and loads it if they choose.
export function MarkdownImage({ src, alt }: { src?: string | null; alt?: string | null }) {
  const [loaded, setLoaded] = useState(false);
  const href = safeImageSrc(src);
  const description = alt?.trim() || "Image";
  if (!href) {
    return (
      <span className="inline-flex items-center gap-1 rounded border border-dashed border-border px-1.5 py-0.5 text-xs text-muted-foreground">
        <ImageIcon aria-hidden className="size-3.5" /> {description} (image removed: unsupported address)
      </span>
    );
  }
  if (loaded) {
    // eslint-disable-next-line @next/next/no-img-element -- a remote image the person chose to load
    return <img src={href} alt={description} referrerPolicy="no-referrer" className="my-2 max-h-96 max-w-full rounded-md border border-border" />;
  }
  return (
    <span className="my-1 inline-flex max-w-full items-center gap-2 rounded-md border border-dashed border-border px-2 py-1 align-middle text-xs text-muted-foreground">
      <ImageIcon aria-hidden className="size-3.5 shrink-0" />
      <span className="truncate">
        {description} <span className="opacity-70">from {hostOf(href)}</span>
      </span>
      <button
        type="button"
        onClick={() => setLoaded(true)}
        className="shrink-0 rounded px-1.5 py-0.5 font-medium text-foreground underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        aria-label={`Load image from ${hostOf(href)}`}
      >
        Load image
      </button>
    </span>
  );
}
