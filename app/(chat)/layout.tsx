import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { requireUser } from "@/lib/auth/guard";
import { signOutAction } from "../(auth)/actions";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between border-b border-border px-4 py-2">
        <Logo />
        <div className="flex items-center gap-3 text-sm">
          <span className="text-muted-foreground" data-testid="signed-in-as">
            {user.email}
          </span>
          <SignOutButton action={signOutAction} />
        </div>
      </header>
      {children}
    </div>
  );
}
