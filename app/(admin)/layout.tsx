import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppHeader } from "@/components/layout/app-header";
import { accountLabel } from "@/lib/auth/account-label";
import { requireAdminPage } from "@/lib/admin/require-admin";
import { signOutAction } from "../(auth)/actions";

export const metadata: Metadata = { title: { template: "%s · Admin · Keyline", default: "Admin · Keyline" }, referrer: "same-origin" };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdminPage();
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader accountLabel={accountLabel(admin)} signOut={signOutAction} adminLink />
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6 md:flex-row md:py-10">
        <aside className="md:w-44 md:shrink-0">
          <h1 className="mb-3 px-3 text-lg font-semibold">Admin</h1>
          <AdminNav />
        </aside>
        <main className="min-w-0 flex-1 space-y-6">{children}</main>
      </div>
    </div>
  );
}
