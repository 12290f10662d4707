import Link from "next/link";

const LINKS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/invitations", label: "Invitations" },
  { href: "/admin/audit", label: "Audit trail" },
];

export function AdminNav() {
  return (
    <nav aria-label="Admin" className="flex gap-1 md:flex-col">
      {LINKS.map((link) => (
        <Link key={link.href} href={link.href} className="rounded-md px-3 py-2 text-sm hover:bg-muted">
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
