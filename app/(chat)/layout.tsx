import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/guard";
import { signOutAction } from "../(auth)/actions";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex h-dvh flex-col">
      <AppHeader email={user.email} signOut={signOutAction} />
      {children}
    </div>
  );
}
