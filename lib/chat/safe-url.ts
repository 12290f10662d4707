// Links and images in model output are untrusted: only web and mail links survive, and images are
// never fetched until the person asks (an image URL can carry chat content to another server).
const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

export function safeLinkHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    // Relative links make no sense in a reply and would point into the app itself.
    return null;
  }
}

export function safeImageSrc(src: string | null | undefined): string | null {
  const href = safeLinkHref(src);
  return href && !href.startsWith("mailto:") ? href : null;
}

export function hostOf(href: string): string {
  try {
    return new URL(href).host;
  } catch {
    return "";
  }
}
