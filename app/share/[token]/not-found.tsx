import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Link not available", robots: { index: false, follow: false }, referrer: "no-referrer" };

// One page for a link that never existed, was revoked or has expired: none of them says which.
export default function SharedLinkNotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-xl font-semibold tracking-tight">This link is not available</h1>
      <p className="mt-2 text-sm text-muted-foreground">It may have been revoked or have expired, or the address is wrong.</p>
      <Link href="/" className="mt-6 rounded-lg bg-primary px-4 py-2 text-sm font-medium text-primary-foreground hover:bg-primary/90">
        Go to Keyline
      </Link>
    </main>
  );
}
