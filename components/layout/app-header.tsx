import type { FormAction } from "@/lib/http/action-result";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/ui/logo";

type Props = { accountLabel: string; signOut: FormAction; adminLink?: boolean; children?: ReactNode };

export function AppHeader({ accountLabel, signOut, adminLink = false, children }: Props) {
  return (
    <header className="flex h-14 shrink-0 items-center justify-between gap-3 border-b border-border px-4">
      <div className="flex items-center gap-3">
        {children}
        <Link href="/chat" aria-label="Keyline home">
          <Logo />
        </Link>
      </div>
      <nav aria-label="Account" className="flex items-center gap-3 text-sm">
        <span className="hidden text-muted-foreground sm:inline" data-testid="signed-in-as">
          {accountLabel}
        </span>
        {adminLink ? (
          <Link href="/admin" className="rounded-md px-2 py-1 hover:bg-muted">
            Admin
          </Link>
        ) : null}
        <Link href="/settings/account" className="rounded-md px-2 py-1 hover:bg-muted">
          Settings
        </Link>
        <SignOutButton action={signOut} />
      </nav>
    </header>
  );
}
