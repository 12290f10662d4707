import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { accountLabel } from "@/lib/auth/account-label";
import { requireUser } from "@/lib/auth/guard";
import { isActiveAdmin } from "@/lib/auth/roles";
import { signOutAction } from "../../(auth)/actions";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ allowPending: true });
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader accountLabel={accountLabel(user)} signOut={signOutAction} adminLink={isActiveAdmin(user)} />
      <div className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-6 px-4 py-6 md:flex-row md:py-10">
        <aside className="md:w-48 md:shrink-0">
          <h1 className="mb-3 px-3 text-lg font-semibold">Settings</h1>
          <SettingsNav />
        </aside>
        <main className="min-w-0 flex-1 space-y-6">{children}</main>
      </div>
    </div>
  );
}
