import { ImageIcon } from "lucide-react";
import { hostOf, safeImageSrc } from "@/lib/chat/safe-url";

// Images in replies are never fetched by the page: a Markdown image is how an injected prompt sends
// chat content to another server. The person sees where it points and can open it in a new tab.
export function MarkdownImage({ src, alt }: { src?: string | null; alt?: string | null }) {
  const href = safeImageSrc(src);
  const description = alt?.trim() || "Image";
  if (!href) {
    return (
      <span className="inline-flex items-center gap-1 rounded border border-dashed border-border px-1.5 py-0.5 text-xs text-muted-foreground">
        <ImageIcon aria-hidden className="size-3.5" /> {description} (image removed: unsupported address)
      </span>
    );
  }
  const host = hostOf(href);
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow ugc"
      aria-label={`Open image “${description}” from ${host} in a new tab`}
      className="my-1 inline-flex max-w-full items-center gap-2 rounded-md border border-dashed border-border px-2 py-1 align-middle text-xs text-muted-foreground no-underline hover:bg-muted hover:text-foreground"
    >
      <ImageIcon aria-hidden className="size-3.5 shrink-0" />
      <span className="truncate">
        {description} <span className="opacity-70">· {host}</span>
      </span>
      <span className="shrink-0 font-medium text-foreground">Open image ↗</span>
    </a>
  );
}
