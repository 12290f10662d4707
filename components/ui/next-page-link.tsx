import Link from "next/link";

// The link to a keyset-paged list's next page; nothing when there is none.
export function NextPageLink({ href, label = "Next page" }: { href: string | null; label?: string }) {
  if (!href) return null;
  return (
    <Link href={href} className="mt-4 inline-block text-sm font-medium underline underline-offset-4">
      {label}
    </Link>
  );
}
