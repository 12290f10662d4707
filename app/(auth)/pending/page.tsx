import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { statusOf } from "@/lib/auth/roles";
import { signOutAction } from "../actions";

export const metadata: Metadata = { title: "Waiting for approval" };

// The one page (with account settings and sign-out) a pending account can reach.
export default async function PendingPage() {
  const user = await requireUser({ allowPending: true });
  if (statusOf(user.status) === "active") redirect("/chat");
  return (
    <Card>
      <CardTitle>Waiting for approval</CardTitle>
      <CardDescription>
        Your account ({user.email ?? user.name ?? "no email"}) has been created. An administrator of this Keyline has to approve it
        before you can chat or create API keys. You do not need to do anything: sign in again once you have been approved, or
        reload this page.
      </CardDescription>
      <div className="mt-6 flex items-center justify-between gap-3 text-sm">
        <Link href="/settings/account" className="font-medium underline underline-offset-4">
          Account settings
        </Link>
        <SignOutButton action={signOutAction} />
      </div>
    </Card>
  );
}
