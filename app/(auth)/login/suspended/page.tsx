import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { statusOf } from "@/lib/auth/roles";
import { suspendedMessage } from "@/lib/auth/suspended-message";
import { readSuspensionTicket } from "@/lib/auth/suspension-notice";
import { findUserStanding } from "@/lib/db/queries/users";

export const metadata: Metadata = { title: "Account suspended" };

type Props = { searchParams: Promise<{ ticket?: string | string[] }> };

// Reached only from a refused sign-in (lib/auth/standing.ts) with a signed ticket naming the account.
export default async function SuspendedPage({ searchParams }: Props) {
  const { ticket } = await searchParams;
  const userId = readSuspensionTicket(Array.isArray(ticket) ? ticket[0] : ticket);
  const user = userId ? await findUserStanding({ userId }) : null;
  const suspended = user !== null && statusOf(user.status) === "suspended";
  return (
    <Card>
      <CardTitle>{suspended ? "This account is suspended" : "Sign-in did not complete"}</CardTitle>
      <CardDescription>
        {suspended ? suspendedMessage(user.suspendedReason) : "This notice has expired or the account is no longer suspended. Please sign in again."}
      </CardDescription>
      <Link
        href="/login"
        className="mt-6 inline-flex h-10 w-full items-center justify-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary/90"
      >
        Back to sign in
      </Link>
    </Card>
  );
}
